import pickle
from pathlib import Path
from fastapi import FastAPI

app = FastAPI()
MODEL_PATH = Path(__file__).with_name("model.pkl")


@app.get("/predict/{value}")
def predict(value: float):
    with MODEL_PATH.open("rb") as handle:
        model = pickle.load(handle)
    return {"prediction": float(model.predict([[value]])[0])}
