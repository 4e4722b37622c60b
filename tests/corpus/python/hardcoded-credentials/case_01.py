import jwt
from django.http import JsonResponse
from django.urls import path

JWT_SECRET = "f8d3c1b7a9e24d5f8c0b6a3e1d7f9c2b"


def issue_token(request):
    token = jwt.encode({"sub": request.user.username}, JWT_SECRET, algorithm="HS256")
    return JsonResponse({"token": token})


urlpatterns = [
    path("issue-token/", issue_token, name="issue_token"),
]
