from django.http import HttpResponse
from django.views import View
from django.urls import path


class ExternalLinkView(View):
    def get(self, request):
        target = request.GET.get("to", "")
        body = "You are leaving this site for: " + target.replace("<", "&lt;")
        return HttpResponse(body, content_type="text/plain")


urlpatterns = [
    path("external-link/", ExternalLinkView.as_view(), name="external-link"),
]
