from fastapi import FastAPI, UploadFile

app = FastAPI()


@app.post("/upload")
async def upload(file: UploadFile):
    data = await file.read()
    with open("/srv/uploads/" + file.filename, "wb") as out:
        out.write(data)
    return {"stored": file.filename}
