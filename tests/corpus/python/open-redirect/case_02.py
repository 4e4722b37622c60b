from flask import Flask, redirect

app = Flask(__name__)


@app.route("/r/<path:dest>")
def short(dest):
    return redirect("//" + dest, code=301)


if __name__ == "__main__":
    app.run(port=8000)
