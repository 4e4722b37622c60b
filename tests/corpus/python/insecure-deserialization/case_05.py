import yaml
from django.http import HttpResponse
from django.views import View


class ImportView(View):
    def post(self, request):
        text = request.POST.get("document", "")
        loaded = yaml.load_all(text, Loader=yaml.Loader)
        return HttpResponse(str(len(list(loaded))))
