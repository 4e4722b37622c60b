import logging
from fastapi import FastAPI, Request, Cookie

app = FastAPI()
log = logging.getLogger(__name__)


@app.get("/ref")
def referral(request: Request, ref: str = Cookie("")):
    log.info("referral cookie %s", ref)
    request.session["seen_referral"] = True
    return {"ref": ref}
