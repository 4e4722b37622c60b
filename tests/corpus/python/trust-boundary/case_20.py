from django.http import HttpResponse
from django.urls import path


def store_filters(request):
    filters = []
    for name in ("status", "owner", "label"):
        filters.append(request.GET.get(name, ""))
    request.session["filters"] = filters
    return HttpResponse("stored")


urlpatterns = [
    path("store-filters/", store_filters, name="store_filters"),
]
