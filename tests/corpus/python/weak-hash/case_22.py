from Crypto.Hash import SHA
from django.http import JsonResponse
from django.urls import path


def sign_receipt(request):
    receipt = request.body
    return JsonResponse({"signature": SHA.new(receipt).hexdigest()})


urlpatterns = [
    path("sign-receipt/", sign_receipt, name="sign_receipt"),
]
