from fastapi import FastAPI, Depends, HTTPException
from fastapi.security import HTTPBasic, HTTPBasicCredentials
import secrets

app = FastAPI()
security = HTTPBasic()


def check(credentials: HTTPBasicCredentials = Depends(security)):
    if not secrets.compare_digest(credentials.password.encode(), b"metrics-viewer-9931"):
        raise HTTPException(status_code=401)
    return credentials.username


@app.get("/metrics")
def metrics(user: str = Depends(check)):
    return {"user": user}
