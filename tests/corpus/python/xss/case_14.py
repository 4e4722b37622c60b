from django.http import HttpResponse


def render_rows(items):
    rows = []
    for item in items:
        rows.append("<li>" + item + "</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def tags(request):
    return HttpResponse(render_rows(request.GET.getlist("tag")))
