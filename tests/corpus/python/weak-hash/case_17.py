import hashlib
from django.http import JsonResponse
from django.urls import path


def sign_download(request):
    path = request.GET.get("path", "")
    token = hashlib.sha1(("secret-salt" + path).encode()).hexdigest()
    return JsonResponse({"url": f"/files/{path}?token={token}"})


urlpatterns = [
    path("sign-download/", sign_download, name="sign_download"),
]
