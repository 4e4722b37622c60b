from django.http import HttpResponse
from django.utils.html import escape
from django.urls import path


def tags(request):
    rows = ["<li>" + escape(tag) + "</li>" for tag in request.GET.getlist("tag")]
    return HttpResponse("<ul>" + "".join(rows) + "</ul>")


urlpatterns = [
    path("tags/", tags, name="tags"),
]
