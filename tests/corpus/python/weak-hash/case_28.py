from cryptography.hazmat.primitives import hashes, hmac as crypto_hmac
from django.conf import settings
from django.http import JsonResponse


def sign(request):
    message = request.POST.get("message", "").encode()
    signer = crypto_hmac.HMAC(settings.SIGNING_KEY, hashes.SHA256())
    signer.update(message)
    return JsonResponse({"mac": signer.finalize().hex()})
