from fastapi import FastAPI, Query
import aiofiles

app = FastAPI()


@app.get("/config")
async def config(env: str = Query("dev")):
    async with aiofiles.open("config/{}.yaml".format(env)) as handle:
        return {"config": await handle.read()}
