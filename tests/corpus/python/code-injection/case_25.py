import importlib
from django.http import JsonResponse, Http404

PLUGINS = {"csv": "plugins.csv_export", "pdf": "plugins.pdf_export"}


def run_plugin(request):
    name = request.GET.get("plugin", "csv")
    if name not in PLUGINS:
        raise Http404("no such plugin")
    module = importlib.import_module(PLUGINS[name])
    return JsonResponse({"result": module.run()})
