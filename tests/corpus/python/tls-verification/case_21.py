import requests
from django.http import JsonResponse
from django.views import View


class ShipmentView(View):
    options = {"timeout": 10, "verify": True}

    def get(self, request, tracking):
        resp = requests.get(f"https://carrier.example.com/track/{tracking}", **self.options)
        return JsonResponse(resp.json())
