from urllib.request import urlopen
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/metadata")
def metadata(x_service_url: str = Header(...)):
    endpoint = f"{x_service_url}/metadata"
    return {"metadata": urlopen(endpoint, timeout=5).read().decode()}
