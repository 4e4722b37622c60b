from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/notes")
async def save_note(request: Request):
    body = await request.json()
    files = {"note": body["title"] + ".md"}
    with open("notes/" + files["note"], "w") as out:
        out.write(body.get("text", ""))
    return {"saved": files["note"]}
