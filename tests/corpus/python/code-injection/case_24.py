from django.http import HttpResponse


def evaluate(code):
    return eval(code, {"__builtins__": {}})


def preview(request):
    snippet = request.COOKIES.get("snippet", "0")
    return HttpResponse(str(evaluate(snippet)))
