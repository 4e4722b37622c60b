from flask import Flask, render_template_string

app = Flask(__name__)
LABELS = {"username": "User name", "password": "Password", "password_confirm": "Repeat password"}


@app.route("/signup")
def signup():
    return render_template_string("{% for k, v in labels.items() %}<label for={{ k }}>{{ v }}</label>{% endfor %}", labels=LABELS)


if __name__ == "__main__":
    app.run(port=8000)
