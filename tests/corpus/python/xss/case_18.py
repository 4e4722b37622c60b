from django.shortcuts import render


def greet(request):
    name = request.GET.get("name", "visitor")
    return render(request, "greet.html", {"name": name})
