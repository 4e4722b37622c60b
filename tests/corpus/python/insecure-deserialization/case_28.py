import yaml
from django.http import JsonResponse
from django.urls import path


def import_config(request):
    config = yaml.load(request.body, Loader=yaml.Loader)
    return JsonResponse({"keys": sorted(config)})


urlpatterns = [
    path("import-config/", import_config, name="import_config"),
]
