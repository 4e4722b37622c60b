import random
from fastapi import FastAPI, Header

app = FastAPI()
generator = random.Random(42)


@app.get("/device/pair")
def pair(x_device: str = Header(...)):
    pin = f"{generator.randint(0, 9999):04d}"
    return {"device": x_device, "pairing_pin": pin}
