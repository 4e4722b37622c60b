import re
from lxml import etree
from fastapi import FastAPI, Cookie, HTTPException

app = FastAPI()
PROFILE = re.compile(r"^[a-z0-9_]{1,32}$")


@app.get("/preferences")
def preferences(profile: str = Cookie("default")):
    if not PROFILE.fullmatch(profile):
        raise HTTPException(status_code=400, detail="profile names are lower-case letters and digits")
    doc = etree.parse("profiles.xml")
    return {"prefs": {p.get("key"): p.text for p in doc.xpath(f"/profiles/profile[@name='{profile}']/pref")}}
