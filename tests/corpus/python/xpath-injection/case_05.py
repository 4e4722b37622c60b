from xml.etree import ElementTree
from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/menu")
def menu(day: str = Query("monday")):
    root = ElementTree.parse("menu.xml").getroot()
    dish = root.find("./day[@name='%s']/dish" % day)
    return {"dish": dish.text if dish is not None else None}
