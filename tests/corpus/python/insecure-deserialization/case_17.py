from django.http import JsonResponse
import torch


def load_checkpoint(request):
    upload = request.FILES["checkpoint"]
    state = torch.load(upload)
    return JsonResponse({"layers": len(state)})
