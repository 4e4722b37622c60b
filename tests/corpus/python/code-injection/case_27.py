import timeit
from django.http import JsonResponse
from django.urls import path


def benchmark(request):
    snippet = request.GET.get("stmt", "sum(range(100))")
    seconds = timeit.timeit(snippet, number=1000)
    return JsonResponse({"seconds": seconds})


urlpatterns = [
    path("benchmark/", benchmark, name="benchmark"),
]
