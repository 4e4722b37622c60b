from django.http import JsonResponse
from shop.models import Product
from django.urls import path


def search(request):
    term = request.GET.get("q", "")
    products = Product.objects.filter(title__icontains=term)
    return JsonResponse({"ids": [p.id for p in products]})


urlpatterns = [
    path("search/", search, name="search"),
]
