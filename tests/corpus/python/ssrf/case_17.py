import socket
from fastapi import FastAPI

app = FastAPI()


@app.get("/banner/{host}/{port}")
def banner(host: str, port: int):
    with socket.create_connection((host, port), timeout=3) as sock:
        return {"banner": sock.recv(128).decode(errors="replace")}
