from django.utils.html import format_html
from django.http import HttpResponse


def comment(request):
    text = request.POST.get("comment", "")
    return HttpResponse(format_html("<blockquote>{}</blockquote>", text))
