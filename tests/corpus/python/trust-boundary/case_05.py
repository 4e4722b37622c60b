from django.shortcuts import redirect
from django.urls import path


def save_step(request, step):
    request.session["wizard_step"] = step
    request.session.modified = True
    return redirect("/wizard/")


urlpatterns = [
    path("save-step/<step>/", save_step, name="save_step"),
]
