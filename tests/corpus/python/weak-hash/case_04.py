import hashlib
import os
from django.http import JsonResponse


def set_password(request):
    password = request.POST.get("password", "")
    salt = os.urandom(16)
    derived = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return JsonResponse({"hash": (salt + derived).hex()})
