import json
from django.http import JsonResponse


def apply_rule(request):
    rule = json.loads(request.body)
    total = 100
    if rule.get("kind") == "discount":
        total -= int(rule.get("amount", 0))
    return JsonResponse({"total": total})
