from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from django.http import JsonResponse
import os


def encrypt_address(request):
    key = os.urandom(16)
    cipher = Cipher(algorithms.IDEA(key), modes.CFB(os.urandom(8)))
    encryptor = cipher.encryptor()
    return JsonResponse({"address": encryptor.update(request.POST.get("address", "").encode()).hex()})
