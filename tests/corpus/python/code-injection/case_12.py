from fastapi import FastAPI

app = FastAPI()
ENABLE_DEBUG_EVAL = False


@app.get("/debug")
def debug(expr: str = ""):
    result = None
    if ENABLE_DEBUG_EVAL:
        result = eval(expr)
    return {"result": result}
