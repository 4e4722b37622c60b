import pyDes
from django.http import HttpResponse
from django.urls import path


def obscure(request):
    value = request.GET.get("value", "")
    engine = pyDes.des(b"8bytekey", pyDes.CBC, b"\0\0\0\0\0\0\0\0", pad=None, padmode=pyDes.PAD_PKCS5)
    return HttpResponse(engine.encrypt(value).hex())


urlpatterns = [
    path("obscure/", obscure, name="obscure"),
]
