from flask import Flask, request, session

app = Flask(__name__)


@app.post("/visit")
def visit():
    session["visited"] = True
    return {"from": request.form.get("from", "")}


if __name__ == "__main__":
    app.run(port=8000)
