from fastapi import FastAPI, Request, Header

app = FastAPI()


@app.get("/impersonate")
def impersonate(request: Request, x_user_id: str = Header(...)):
    values = {"user_id": x_user_id}
    request.session.update(values)
    return {"user": request.session["user_id"]}
