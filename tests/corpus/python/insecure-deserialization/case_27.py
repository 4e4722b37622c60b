import jsonpickle
from django.http import HttpResponse
from django.urls import path


def preferences(request):
    raw = request.POST.get("prefs", "{}")
    prefs = jsonpickle.decode(raw)
    return HttpResponse(str(prefs))


urlpatterns = [
    path("preferences/", preferences, name="preferences"),
]
