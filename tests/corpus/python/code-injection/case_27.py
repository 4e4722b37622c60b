import importlib
from django.http import JsonResponse
from django.urls import path


def run_plugin(request):
    module_name = request.GET.get("plugin", "plugins.default")
    module = importlib.import_module(module_name)
    return JsonResponse({"result": module.run()})


urlpatterns = [
    path("run-plugin/", run_plugin, name="run_plugin"),
]
