from django.http import JsonResponse


def apply_rule(request):
    rule = request.POST["rule"]
    scope = {"total": 100}
    exec(rule, scope)
    return JsonResponse({"total": scope["total"]})
