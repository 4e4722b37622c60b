import subprocess
from fastapi import FastAPI, Cookie

app = FastAPI()


@app.get("/grep")
def grep(term: str = Cookie(default="")):
    proc = subprocess.Popen(["grep", "-rnF", "--", term, "/srv/docs"], stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate()
    return {"matches": out.splitlines()}
