from Crypto.Cipher import AES
from django.http import HttpResponse
import os
from django.urls import path


def stream(request):
    cipher = AES.new(os.urandom(32), AES.MODE_EAX)
    ciphertext, tag = cipher.encrypt_and_digest(request.body)
    return HttpResponse((cipher.nonce + tag + ciphertext).hex())


urlpatterns = [
    path("stream/", stream, name="stream"),
]
