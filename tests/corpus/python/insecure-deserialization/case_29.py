import pickle
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/reports")
async def reports(request: Request):
    body = await request.json()
    snapshot = pickle.dumps({"title": body.get("title", ""), "rows": body.get("rows", [])})
    return {"bytes": len(snapshot)}
