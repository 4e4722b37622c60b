from django.http import HttpResponse
from django.urls import path


def greet(request):
    name = request.GET.get("name", "visitor")
    return HttpResponse(f"<h1>Welcome, {name}!</h1>")


urlpatterns = [
    path("greet/", greet, name="greet"),
]
