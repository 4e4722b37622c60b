from flask import Flask, request, jsonify

app = Flask(__name__)


@app.route("/bio")
def bio():
    text = request.args.get("bio", "")
    return jsonify(bio=text)
