from pydantic import BaseModel
from fastapi import FastAPI

app = FastAPI()


class Task(BaseModel):
    name: str
    priority: int = 0


@app.post("/tasks")
def submit_task(task: Task):
    restored = Task.model_validate_json(task.model_dump_json())
    return {"name": restored.name, "priority": restored.priority}
