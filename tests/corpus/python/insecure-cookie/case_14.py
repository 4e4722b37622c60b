from flask import Flask, session

app = Flask(__name__)
app.config.update(SESSION_COOKIE_SECURE=False, SESSION_COOKIE_HTTPONLY=False)


@app.post("/login")
def login():
    session["user"] = "alice"
    return {"user": session["user"]}
