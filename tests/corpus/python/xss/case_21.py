from django.utils.safestring import mark_safe
from django.shortcuts import render


def comment(request):
    text = request.POST.get("comment", "")
    return render(request, "comment.html", {"body": mark_safe(text)})
