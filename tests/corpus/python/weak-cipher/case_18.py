from Crypto.Cipher import ChaCha20_Poly1305
from django.http import JsonResponse
from django.conf import settings
from django.urls import path


def encrypt_iban(request):
    cipher = ChaCha20_Poly1305.new(key=settings.IBAN_KEY)
    ciphertext, tag = cipher.encrypt_and_digest(request.POST.get("iban", "").encode())
    return JsonResponse({"nonce": cipher.nonce.hex(), "iban": ciphertext.hex(), "tag": tag.hex()})


urlpatterns = [
    path("encrypt-iban/", encrypt_iban, name="encrypt_iban"),
]
