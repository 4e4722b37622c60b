from fastapi import FastAPI, Header
from fastapi.responses import PlainTextResponse

app = FastAPI()


@app.get("/whoami")
def whoami(user_agent: str = Header("")):
    return PlainTextResponse(f"Your browser: {user_agent}")


@app.get("/health")
def health():
    return {"status": "up"}
