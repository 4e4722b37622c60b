import re
from fastapi import FastAPI, Header, HTTPException

app = FastAPI()
LANG = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")


@app.get("/locale")
def locale(accept_language: str = Header("en")):
    if not LANG.fullmatch(accept_language):
        raise HTTPException(status_code=400, detail="unsupported language")
    with open(f"/srv/locales/{accept_language}.json") as handle:
        return {"messages": handle.read()}
