import certifi
import urllib3
from fastapi import FastAPI

app = FastAPI()
http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())


@app.get("/weather/{city}")
def weather(city: str):
    resp = http.request("GET", "https://weather.internal/api", fields={"city": city})
    return {"raw": resp.data.decode()}
