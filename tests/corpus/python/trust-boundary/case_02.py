from flask import Flask, request, session

app = Flask(__name__)


@app.route("/admin/flag", methods=["POST"])
def admin_flag():
    is_admin = request.form.get("is_admin") == "1"
    session["is_admin"] = is_admin
    return {"admin": is_admin}
