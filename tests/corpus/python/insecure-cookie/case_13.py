from flask import Flask, session

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")


@app.post("/login")
def login():
    session["user"] = "alice"
    return {"user": session["user"]}
