import requests
from django.http import JsonResponse
from django.urls import path


def weather(request):
    city = request.GET.get("city", "Paris")
    resp = requests.get("https://api.weather.example.com/v1/current", params={"city": city}, timeout=5)
    return JsonResponse(resp.json())


urlpatterns = [
    path("weather/", weather, name="weather"),
]
