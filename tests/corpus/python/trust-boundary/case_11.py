from django.shortcuts import redirect

STEPS = ("address", "shipping", "payment", "review")


def save_step(request, step):
    if step in STEPS:
        request.session["wizard_step"] = STEPS.index(step)
    return redirect("/wizard/")
