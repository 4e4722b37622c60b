from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/trace")
def trace(x_trace: str = Header(default="")):
    code = compile("len(values)", "<metric>", "eval")
    values = x_trace.split(",")
    return {"count": eval(code, {"values": values})}
