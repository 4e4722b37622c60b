from cryptography.hazmat.primitives import hashes, hmac as crypto_hmac
from django.http import JsonResponse
from django.urls import path


def sign(request):
    message = request.POST.get("message", "").encode()
    signer = crypto_hmac.HMAC(b"0123456789abcdef", hashes.MD5())
    signer.update(message)
    return JsonResponse({"mac": signer.finalize().hex()})


urlpatterns = [
    path("sign/", sign, name="sign"),
]
