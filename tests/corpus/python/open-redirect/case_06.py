from django.shortcuts import resolve_url, redirect
from django.urls import NoReverseMatch


def after_action(request):
    name = request.GET.get("view", "home")
    try:
        url = resolve_url(name if name in ("home", "profile", "settings") else "home")
    except NoReverseMatch:
        url = "/"
    return redirect(url)
