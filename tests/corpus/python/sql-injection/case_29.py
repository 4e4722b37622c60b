from django.http import JsonResponse
from crm.models import Customer
from django.urls import path


def customers(request):
    region = request.POST.get("region", "eu")
    qs = Customer.objects.extra(where=["region = %s"], params=[region])
    return JsonResponse({"count": qs.count()})


urlpatterns = [
    path("customers/", customers, name="customers"),
]
