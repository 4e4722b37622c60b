import socket
from fastapi import FastAPI

app = FastAPI()


@app.get("/banner/{port}")
def banner(port: int):
    if port not in (22, 25, 587):
        return {"banner": None}
    with socket.create_connection(("mail.internal", port), timeout=3) as sock:
        return {"banner": sock.recv(128).decode(errors="replace")}
