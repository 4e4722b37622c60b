import ssl
from http.client import HTTPSConnection
from fastapi import FastAPI

app = FastAPI()


@app.get("/license")
def license_check():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    conn = HTTPSConnection("license.vendor.example", context=context)
    conn.request("GET", "/v1/check")
    return {"status": conn.getresponse().status}
