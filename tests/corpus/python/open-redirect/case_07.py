from fastapi import FastAPI, Cookie
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/resume")
def resume(last_page: str = Cookie("")):
    page = int(last_page) if last_page.isdigit() else 1
    return RedirectResponse(f"/reader?page={page}")
