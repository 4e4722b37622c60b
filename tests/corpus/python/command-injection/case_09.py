import subprocess
from fastapi import FastAPI, HTTPException

app = FastAPI()

SERVICES = {"web", "worker", "scheduler"}


@app.post("/restart/{service}")
def restart(service: str):
    if service not in SERVICES:
        raise HTTPException(status_code=400, detail="unknown service")
    subprocess.run("systemctl restart " + service, shell=True, check=True)
    return {"restarted": service}
