from django.utils.safestring import mark_safe
from django.shortcuts import render
from django.urls import path

FOOTER = "<footer>&copy; Example Corp</footer>"


def about(request):
    section = request.GET.get("section", "team")
    return render(request, "about.html", {"footer": mark_safe(FOOTER), "section": section})


urlpatterns = [
    path("about/", about, name="about"),
]
