from fastapi import FastAPI, Form

app = FastAPI()
TOKEN_TYPE = "bearer"
RESET_PASSWORD_URL = "/account/password/reset"


@app.post("/token")
def token(username: str = Form(...), password: str = Form(...)):
    return {"token_type": TOKEN_TYPE, "reset": RESET_PASSWORD_URL, "user": username, "length": len(password)}
