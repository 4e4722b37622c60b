from flask import Flask, request, jsonify

app = Flask(__name__)


@app.route("/bio")
def bio():
    text = request.args.get("bio", "")
    return jsonify(bio=text)


if __name__ == "__main__":
    app.run(port=8000)
