from django.http import JsonResponse


def set_currency(request):
    currency = request.GET.get("currency", "EUR")
    key = "currency"
    request.session[key] = "%s" % currency
    return JsonResponse({"currency": currency})
