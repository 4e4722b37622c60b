from flask import Flask, request, session

app = Flask(__name__)
TRUST_CLIENT_FLAGS = False


@app.route("/admin/flag", methods=["POST"])
def admin_flag():
    if TRUST_CLIENT_FLAGS:
        session["is_admin"] = request.form.get("is_admin") == "1"
    return {"admin": session.get("is_admin", False)}
