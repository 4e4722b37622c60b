from lxml import etree
from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/tenant-config")
def tenant_config(x_tenant: str = Header(...)):
    config = etree.parse("tenants.xml")
    expr = etree.XPath("/tenants/tenant[@id='" + x_tenant + "']/setting")
    return {"settings": [s.text for s in expr(config)]}
