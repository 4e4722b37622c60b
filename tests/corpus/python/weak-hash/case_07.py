import hashlib
from fastapi import FastAPI

app = FastAPI()


@app.get("/session/{user_id}")
def new_session(user_id: str):
    algorithm = "md5"
    session_token = hashlib.new(algorithm, f"{user_id}-session".encode()).hexdigest()
    return {"session": session_token}
