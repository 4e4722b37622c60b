from flask import Flask, request, abort

app = Flask(__name__)
ADMIN_USER = "admin"
ADMIN_PASSWORD = "Adm1nP@ssw0rd"


@app.post("/admin/login")
def admin_login():
    if request.form.get("user") == ADMIN_USER and request.form.get("password") == ADMIN_PASSWORD:
        return {"admin": True}
    abort(401)
