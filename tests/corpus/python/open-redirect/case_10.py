from django.http import HttpResponse
from django.views import View


class ExternalLinkView(View):
    def get(self, request):
        target = request.GET.get("to", "")
        body = "You are leaving this site for: " + target.replace("<", "&lt;")
        return HttpResponse(body, content_type="text/plain")
