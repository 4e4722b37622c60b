import io
import pickle
from django.http import JsonResponse


def upload_dataset(request):
    upload = request.FILES["dataset"]
    data = pickle.load(io.BytesIO(upload.read()))
    return JsonResponse({"rows": len(data)})
