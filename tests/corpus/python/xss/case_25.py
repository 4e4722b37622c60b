from flask import Flask, request, render_template

app = Flask(__name__)


@app.route("/error")
def error():
    message = request.args.get("msg", "unknown error")
    return render_template("error.html", message=message)


if __name__ == "__main__":
    app.run(port=8000)
