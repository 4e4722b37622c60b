import torch
from django.http import JsonResponse


def load_checkpoint(request):
    upload = request.FILES["checkpoint"]
    state = torch.load(upload, weights_only=True)
    return JsonResponse({"layers": len(state)})
