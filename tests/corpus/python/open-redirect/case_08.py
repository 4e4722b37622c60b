from flask import Flask, request, redirect

app = Flask(__name__)


@app.route("/login/done")
def login_done():
    target = request.args.get("next", "/")
    return redirect(target)


if __name__ == "__main__":
    app.run(port=8000)
