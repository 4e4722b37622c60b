import ssl
from http.client import HTTPSConnection
from fastapi import FastAPI

app = FastAPI()


@app.get("/license")
def license_check():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations("/etc/ssl/vendor-ca.pem")
    conn = HTTPSConnection("license.vendor.example", context=context)
    conn.request("GET", "/v1/check")
    return {"status": conn.getresponse().status}
