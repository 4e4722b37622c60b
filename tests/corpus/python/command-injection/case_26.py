import subprocess
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/agent")
def agent_info(user_agent: str = Header(default="")):
    options = {"ua": user_agent}
    cmd = "echo '%s' >> /var/log/agents.log" % options["ua"]
    subprocess.call(cmd, shell=True)
    return {"logged": True}
