from Crypto.Hash import SHA
from django.http import JsonResponse


def sign_receipt(request):
    receipt = request.body
    return JsonResponse({"signature": SHA.new(receipt).hexdigest()})
