from django.shortcuts import redirect
from django.urls import path

STEPS = ("address", "shipping", "payment", "review")


def save_step(request, step):
    if step in STEPS:
        request.session["wizard_step"] = STEPS.index(step)
    return redirect("/wizard/")


urlpatterns = [
    path("save-step/<step>/", save_step, name="save_step"),
]
