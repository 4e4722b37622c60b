import random
import time
import requests
from django.http import JsonResponse


def sync(request):
    for attempt in range(3):
        resp = requests.get("https://inventory.internal/sync", timeout=5)
        if resp.status_code == 200:
            break
        time.sleep(2 ** attempt + random.uniform(0, 0.5))
    return JsonResponse({"status": resp.status_code})
