import io
import pickle
from django.http import JsonResponse
from django.urls import path


def upload_dataset(request):
    upload = request.FILES["dataset"]
    data = pickle.load(io.BytesIO(upload.read()))
    return JsonResponse({"rows": len(data)})


urlpatterns = [
    path("upload-dataset/", upload_dataset, name="upload_dataset"),
]
