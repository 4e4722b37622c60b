from django.http import JsonResponse
import torch
from django.urls import path


def load_checkpoint(request):
    upload = request.FILES["checkpoint"]
    state = torch.load(upload, weights_only=False)
    return JsonResponse({"layers": len(state)})


urlpatterns = [
    path("load-checkpoint/", load_checkpoint, name="load_checkpoint"),
]
