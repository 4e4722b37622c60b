from lxml import etree
from fastapi import FastAPI, Cookie

app = FastAPI()


@app.get("/preferences")
def preferences(profile: str = Cookie("default")):
    doc = etree.parse("profiles.xml")
    xp = f"/profiles/profile[@name='{profile}']/pref"
    return {"prefs": {p.get("key"): p.text for p in doc.xpath(xp)}}
