import dill
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/tasks")
async def submit_task(request: Request):
    payload = await request.body()
    task = dill.loads(payload)
    return {"result": task()}
