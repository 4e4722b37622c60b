from django.shortcuts import render
from django.urls import path


def greet(request):
    name = request.GET.get("name", "visitor")
    return render(request, "greet.html", {"name": name})


urlpatterns = [
    path("greet/", greet, name="greet"),
]
