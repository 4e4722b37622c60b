from cryptography.hazmat.primitives.ciphers import Cipher, algorithms
from django.http import HttpResponse
import os


def stream(request):
    key = os.urandom(16)
    cipher = Cipher(algorithms.ARC4(key), mode=None)
    encryptor = cipher.encryptor()
    return HttpResponse(encryptor.update(request.body).hex())
