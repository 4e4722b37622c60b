import pyDes
from django.http import HttpResponse


def obscure(request):
    value = request.GET.get("value", "")
    engine = pyDes.des(b"8bytekey", pyDes.CBC, b"\0\0\0\0\0\0\0\0", pad=None, padmode=pyDes.PAD_PKCS5)
    return HttpResponse(engine.encrypt(value).hex())
