from django.template import Template, Context
from django.http import HttpResponse
from django.urls import path

BANNER = Template("<div class='banner'>{{ text }}</div>")


def render_banner(request):
    text = request.GET.get("banner", "Welcome")
    return HttpResponse(BANNER.render(Context({"text": text})))


urlpatterns = [
    path("render-banner/", render_banner, name="render_banner"),
]
