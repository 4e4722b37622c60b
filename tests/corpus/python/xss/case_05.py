from django.utils.safestring import mark_safe
from django.shortcuts import render

FOOTER = "<footer>&copy; Example Corp</footer>"


def about(request):
    section = request.GET.get("section", "team")
    return render(request, "about.html", {"footer": mark_safe(FOOTER), "section": section})
