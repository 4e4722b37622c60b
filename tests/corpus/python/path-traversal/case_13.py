import uuid
from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/upload")
async def upload(file: UploadFile):
    data = await file.read()
    stored = f"{uuid.uuid4().hex}.bin"
    with open("/srv/uploads/" + stored, "wb") as out:
        out.write(data)
    return {"stored": stored, "original": file.filename}
