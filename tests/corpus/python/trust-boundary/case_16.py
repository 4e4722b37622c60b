from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/lang")
def lang(request: Request, lang: str = "en"):
    chosen = lang
    chosen = "en"
    request.session["lang"] = chosen
    return {"lang": chosen, "asked": lang}
