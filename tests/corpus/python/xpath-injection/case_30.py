from xml.etree import ElementTree
from fastapi import FastAPI, Query

app = FastAPI()
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


@app.get("/menu")
def menu(day: str = Query("monday")):
    if day not in DAYS:
        day = "monday"
    dish = ElementTree.parse("menu.xml").getroot().find("./day[@name='%s']/dish" % day)
    return {"dish": dish.text if dish is not None else None}
