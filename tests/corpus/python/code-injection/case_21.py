from django.http import JsonResponse
from django.urls import path


def apply_rule(request):
    rule = request.POST["rule"]
    scope = {"total": 100}
    exec(rule, scope)
    return JsonResponse({"total": scope["total"]})


urlpatterns = [
    path("apply-rule/", apply_rule, name="apply_rule"),
]
