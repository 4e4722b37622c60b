import hashlib
from django.http import JsonResponse


def sign_download(request):
    path = request.GET.get("path", "")
    token = hashlib.sha1(("secret-salt" + path).encode()).hexdigest()
    return JsonResponse({"url": f"/files/{path}?token={token}"})
