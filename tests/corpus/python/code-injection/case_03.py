from django.template import Template, Context
from django.http import HttpResponse


def render_banner(request):
    text = request.GET.get("banner", "Welcome")
    template = Template("<div class='banner'>" + text + "</div>")
    return HttpResponse(template.render(Context({"user": request.user})))
