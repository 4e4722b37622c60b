import random
from fastapi import FastAPI, Response

app = FastAPI()


@app.post("/login")
def login(response: Response):
    session_id = "%032x" % random.getrandbits(128)
    response.set_cookie("sid", session_id, secure=True, httponly=True)
    return {"logged_in": True}
