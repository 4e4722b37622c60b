import subprocess
from fastapi import FastAPI

app = FastAPI()


@app.get("/resize/{width}")
def resize(width: str):
    pixels = int(width)
    subprocess.run(f"convert in.png -resize {pixels} out.png", shell=True, check=True)
    return {"width": pixels}
