from django.http import HttpResponse


def greet(request):
    name = request.GET.get("name", "visitor")
    return HttpResponse(f"<h1>Welcome, {name}!</h1>")
