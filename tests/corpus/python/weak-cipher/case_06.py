import nacl.secret
import nacl.utils
from django.http import HttpResponse
from django.urls import path

BOX = nacl.secret.SecretBox(nacl.utils.random(nacl.secret.SecretBox.KEY_SIZE))


def obscure(request):
    return HttpResponse(BOX.encrypt(request.GET.get("value", "").encode()).hex())


urlpatterns = [
    path("obscure/", obscure, name="obscure"),
]
