from flask import Flask, session

app = Flask(__name__)


@app.route("/account/<account_id>/select")
def select_account(account_id):
    session["account_id"] = account_id
    return {"selected": account_id}


if __name__ == "__main__":
    app.run(port=8000)
