import httpx
from fastapi import FastAPI, Header

app = FastAPI()
client = httpx.Client(verify=False, timeout=5)


@app.get("/profile")
def profile(x_user: str = Header(...)):
    return client.get(f"https://users.internal/{x_user}").json()
