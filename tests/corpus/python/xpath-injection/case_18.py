from lxml import etree
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/tenant-config")
def tenant_config(x_tenant: str = Header(...)):
    config = etree.parse("tenants.xml")
    settings = config.xpath("/tenants/tenant[@id=$tid]/setting", tid=x_tenant)
    return {"settings": [s.text for s in settings]}
