import asyncio
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/traceroute")
async def traceroute(host: str = Query(...)):
    proc = await asyncio.create_subprocess_shell(
        f"traceroute -m 10 {host}", stdout=asyncio.subprocess.PIPE
    )
    out, _ = await proc.communicate()
    return {"hops": out.decode().splitlines()}
