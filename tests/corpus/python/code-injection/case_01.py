from flask import Flask, request

app = Flask(__name__)


def load_settings(text):
    values = []
    for line in text.splitlines():
        values.append(eval(line))
    return values


@app.post("/settings")
def settings():
    return {"values": load_settings(request.get_data(as_text=True))}
