from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from django.conf import settings
from django.http import JsonResponse


def sign(request):
    message = request.POST.get("message", "").encode()
    signature = settings.SIGNING_KEY.sign(message, padding.PKCS1v15(), hashes.MD5())
    return JsonResponse({"signature": signature.hex()})
