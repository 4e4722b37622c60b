import random
from flask import Flask

app = Flask(__name__)
TIPS = ["Use keyboard shortcuts", "Pin your favourite boards", "Try dark mode"]


@app.route("/tip")
def tip():
    return {"tip": random.choice(TIPS)}
