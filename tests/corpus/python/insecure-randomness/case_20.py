import random
from django.http import JsonResponse
from shop.models import Product
from django.urls import path


def recommendations(request):
    products = list(Product.objects.filter(in_stock=True)[:50])
    picks = random.sample(products, min(4, len(products)))
    return JsonResponse({"products": [p.id for p in picks]})


urlpatterns = [
    path("recommendations/", recommendations, name="recommendations"),
]
