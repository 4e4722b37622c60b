from fastapi import FastAPI, Request, Header

app = FastAPI()


@app.get("/whoami")
def whoami(request: Request, x_request_id: str = Header("")):
    user = request.session.get("user_id")
    return {"user": user, "request_id": x_request_id}


@app.get("/health")
def health():
    return {"status": "up"}
