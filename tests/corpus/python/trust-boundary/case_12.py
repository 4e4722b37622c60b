from django.http import JsonResponse
from django.urls import path


def set_currency(request):
    currency = request.GET.get("currency", "EUR")
    key = "currency"
    request.session[key] = "%s" % currency
    return JsonResponse({"currency": currency})


urlpatterns = [
    path("set-currency/", set_currency, name="set_currency"),
]
