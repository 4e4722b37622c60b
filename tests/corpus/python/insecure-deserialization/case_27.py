import jsonpickle
from django.http import HttpResponse


def preferences(request):
    raw = request.POST.get("prefs", "{}")
    prefs = jsonpickle.decode(raw)
    return HttpResponse(str(prefs))
