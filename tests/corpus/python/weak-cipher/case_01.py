from Crypto.Cipher import DES3
from django.http import JsonResponse
from django.conf import settings
from django.urls import path


def encrypt_iban(request):
    iban = request.POST.get("iban", "").encode().ljust(32, b" ")
    cipher = DES3.new(settings.IBAN_KEY, DES3.MODE_CBC)
    return JsonResponse({"iv": cipher.iv.hex(), "iban": cipher.encrypt(iban).hex()})


urlpatterns = [
    path("encrypt-iban/", encrypt_iban, name="encrypt_iban"),
]
