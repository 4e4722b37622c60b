from Crypto.Cipher import AES
from django.conf import settings
from django.http import JsonResponse


def encrypt_note(request):
    note = request.POST.get("note", "").encode()
    padded = note + b"\0" * (16 - len(note) % 16)
    cipher = AES.new(settings.NOTE_KEY, AES.MODE_ECB)
    return JsonResponse({"note": cipher.encrypt(padded).hex()})
