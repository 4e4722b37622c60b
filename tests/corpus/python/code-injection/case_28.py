from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/sort")
def sort_items(key: str = Query("name")):
    items = [{"name": "b", "price": 2}, {"name": "a", "price": 3}]
    sorter = eval("lambda item: item['%s']" % key)
    return sorted(items, key=sorter)
