from lxml import objectify
from django.http import JsonResponse
from django.urls import path


def catalog(request):
    parser = objectify.makeparser(resolve_entities=True, no_network=False)
    root = objectify.fromstring(request.body, parser)
    return JsonResponse({"title": str(root.title)})


urlpatterns = [
    path("catalog/", catalog, name="catalog"),
]
