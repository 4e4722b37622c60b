from django.template import Template, Context
from django.http import HttpResponse
from django.urls import path


def render_banner(request):
    text = request.GET.get("banner", "Welcome")
    template = Template("<div class='banner'>" + text + "</div>")
    return HttpResponse(template.render(Context({"user": request.user})))


urlpatterns = [
    path("render-banner/", render_banner, name="render_banner"),
]
