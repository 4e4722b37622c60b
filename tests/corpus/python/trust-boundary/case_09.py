from django.http import JsonResponse


def become(request):
    role = request.POST.get("role", "viewer")
    request.session["role"] = role
    return JsonResponse({"role": role})
