from cryptography.hazmat.primitives import hashes
from django.http import JsonResponse
from django.urls import path


def fingerprint(request):
    key = request.POST.get("public_key", "").encode()
    digest = hashes.Hash(hashes.SHA1())
    digest.update(key)
    return JsonResponse({"fingerprint": digest.finalize().hex()})


urlpatterns = [
    path("fingerprint/", fingerprint, name="fingerprint"),
]
