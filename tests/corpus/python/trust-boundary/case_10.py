from fastapi import FastAPI, Request, Cookie

app = FastAPI()


@app.get("/ref")
def referral(request: Request, ref: str = Cookie("")):
    request.session["referrer"] = f"partner:{ref}"
    return {"referrer": request.session["referrer"]}


@app.get("/health")
def health():
    return {"status": "up"}
