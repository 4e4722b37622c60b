from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.http import JsonResponse
import os


def encrypt_note(request):
    nonce = os.urandom(12)
    data = AESGCM(settings.NOTE_KEY).encrypt(nonce, request.POST.get("note", "").encode(), None)
    return JsonResponse({"note": (nonce + data).hex()})
