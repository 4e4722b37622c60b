import operator
from django.http import JsonResponse

OPS = {"add": operator.add, "sub": operator.sub, "mul": operator.mul}


def calc(request):
    op = OPS.get(request.GET.get("op"), operator.add)
    a = float(request.GET.get("a", 0))
    b = float(request.GET.get("b", 0))
    return JsonResponse({"result": op(a, b)})
