import json
from django.http import JsonResponse


def upload_dataset(request):
    upload = request.FILES["dataset"]
    data = json.load(upload)
    return JsonResponse({"rows": len(data)})
