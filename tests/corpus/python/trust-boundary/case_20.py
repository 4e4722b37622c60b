from django.http import HttpResponse


def store_filters(request):
    filters = []
    for name in ("status", "owner", "label"):
        filters.append(request.GET.get(name, ""))
    request.session["filters"] = filters
    return HttpResponse("stored")
