from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.http import HttpResponse
from django.urls import path


def banner(request):
    color = request.COOKIES.get("color", "blue")
    markup = SafeString("<div style='color:" + color + "'>Hello</div>")
    return HttpResponse(format_html("<section>{}</section>", markup))


urlpatterns = [
    path("banner/", banner, name="banner"),
]
