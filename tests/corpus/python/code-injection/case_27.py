import importlib
from django.http import JsonResponse


def run_plugin(request):
    module_name = request.GET.get("plugin", "plugins.default")
    module = importlib.import_module(module_name)
    return JsonResponse({"result": module.run()})
