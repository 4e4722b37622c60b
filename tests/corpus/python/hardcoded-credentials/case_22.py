import boto3
from fastapi import FastAPI

app = FastAPI()

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
    aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
)


@app.get("/buckets")
def buckets():
    return {"buckets": [b["Name"] for b in s3.list_buckets()["Buckets"]]}
