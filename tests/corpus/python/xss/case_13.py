from flask import Flask, request

app = Flask(__name__)


@app.route("/search")
def search():
    term = request.args.get("q", "")
    return "<p>Results for " + term + "</p>"


if __name__ == "__main__":
    app.run(port=8000)
