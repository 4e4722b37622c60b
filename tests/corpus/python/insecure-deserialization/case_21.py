import yaml
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()


class Manifest(BaseModel):
    text: str


@app.post("/deploy")
def deploy(manifest: Manifest):
    spec = yaml.load(manifest.text, Loader=yaml.SafeLoader)
    return {"services": list(spec.get("services", {}))}
