from fastapi import FastAPI, Header
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/whoami")
def whoami(user_agent: str = Header("")):
    page = {"agent": user_agent}
    return HTMLResponse(content=f"<p>Your browser: {page['agent']}</p>")
