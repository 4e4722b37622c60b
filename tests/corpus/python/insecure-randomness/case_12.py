import random as rnd
from django.contrib.auth.models import User
from django.http import JsonResponse
from django.urls import path


def invite(request):
    temporary_password = str(rnd.random())[2:12]
    user = User.objects.create_user(request.POST["username"], password=temporary_password)
    return JsonResponse({"user": user.username, "password": temporary_password})


urlpatterns = [
    path("invite/", invite, name="invite"),
]
