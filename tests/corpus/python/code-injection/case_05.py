from fastapi import FastAPI, Query

app = FastAPI()
FIELDS = {"name", "price", "created"}


@app.get("/sort")
def sort_items(key: str = Query("name")):
    items = [{"name": "b", "price": 2, "created": 1}, {"name": "a", "price": 3, "created": 2}]
    if key not in FIELDS:
        key = "name"
    return sorted(items, key=lambda item: item[key])
