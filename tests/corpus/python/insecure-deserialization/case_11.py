import pickle as serializer
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/models")
async def upload_model(file: UploadFile):
    model = serializer.loads(await file.read())
    return {"type": type(model).__name__}
