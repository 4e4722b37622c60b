from django.utils.html import format_html
from django.http import HttpResponse
from django.urls import path


def comment(request):
    text = request.POST.get("comment", "")
    return HttpResponse(format_html("<blockquote>{}</blockquote>", text))


urlpatterns = [
    path("comment/", comment, name="comment"),
]
