from django.http import JsonResponse
from crm.models import Customer
from django.urls import path


def customers(request):
    region = request.POST.get("region", "eu")
    qs = Customer.objects.extra(where=["region = '%s'" % region])
    return JsonResponse({"count": qs.count()})


urlpatterns = [
    path("customers/", customers, name="customers"),
]
