from django.http import JsonResponse

CURRENCIES = ("EUR", "USD", "GBP")


def set_currency(request):
    currency = request.GET.get("currency", "EUR").upper()
    if currency not in CURRENCIES:
        return JsonResponse({"error": "unsupported currency"}, status=400)
    request.session["currency"] = currency
    return JsonResponse({"currency": currency})
