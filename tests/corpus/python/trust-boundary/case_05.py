from django.shortcuts import redirect


def save_step(request, step):
    request.session["wizard_step"] = step
    request.session.modified = True
    return redirect("/wizard/")
