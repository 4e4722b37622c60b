import os
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Job(BaseModel):
    script: str
    args: str = ""


@app.post("/jobs")
def run_job(job: Job):
    command = "python3 scripts/" + job.script + " " + job.args
    rc = os.system(command)
    return {"rc": rc}
