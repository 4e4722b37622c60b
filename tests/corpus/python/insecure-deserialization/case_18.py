import joblib
from flask import Flask, request

app = Flask(__name__)


@app.post("/predict")
def predict():
    upload = request.files["model"]
    upload.save("/tmp/model.joblib")
    model = joblib.load("/tmp/model.joblib")
    return {"prediction": model.predict([[1, 2, 3]]).tolist()}
