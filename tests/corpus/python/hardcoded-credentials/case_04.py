import jwt
from django.conf import settings
from django.http import JsonResponse
from django.urls import path


def issue_token(request):
    token = jwt.encode({"sub": request.user.username}, settings.JWT_SECRET, algorithm="HS256")
    return JsonResponse({"token": token})


urlpatterns = [
    path("issue-token/", issue_token, name="issue_token"),
]
