import boto3
from fastapi import FastAPI

app = FastAPI()
s3 = boto3.client("s3")


@app.get("/buckets")
def buckets():
    return {"buckets": [b["Name"] for b in s3.list_buckets()["Buckets"]]}
