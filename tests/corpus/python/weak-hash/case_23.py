import hashlib
from django.http import JsonResponse
from django.urls import path


def etag(request):
    path = request.GET.get("path", "")
    key = hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()
    return JsonResponse({"cache_key": key})


urlpatterns = [
    path("etag/", etag, name="etag"),
]
