from django.http import HttpResponse
from django.views import View


class ExternalLinkView(View):
    def get(self, request):
        target = request.GET.get("to", "")
        response = HttpResponse(status=302)
        response["Location"] = target
        return response
