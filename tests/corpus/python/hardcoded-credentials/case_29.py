import requests
from django.http import JsonResponse

API_KEY = "sk_live_51HxQ2bC3dE4fG5hI6jK7lM8nO9pQ0rS1"


def charge(request):
    amount = int(request.POST.get("amount", "0"))
    resp = requests.post("https://api.payments.example.com/v1/charges",
                         auth=(API_KEY, ""), data={"amount": amount}, timeout=10)
    return JsonResponse({"status": resp.status_code})
