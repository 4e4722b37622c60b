from django.utils.safestring import mark_safe
from django.shortcuts import render
from django.urls import path


def comment(request):
    text = request.POST.get("comment", "")
    return render(request, "comment.html", {"body": mark_safe(text)})


urlpatterns = [
    path("comment/", comment, name="comment"),
]
