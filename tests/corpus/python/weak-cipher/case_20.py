from cryptography.hazmat.primitives.ciphers.aead import AESCCM
from django.http import JsonResponse
import os

KEY = AESCCM.generate_key(bit_length=128)


def encrypt_address(request):
    nonce = os.urandom(13)
    data = AESCCM(KEY).encrypt(nonce, request.POST.get("address", "").encode(), None)
    return JsonResponse({"address": (nonce + data).hex()})
