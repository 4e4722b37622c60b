import shutil
from django.http import JsonResponse
from django.urls import path


def copy_report(request):
    src = request.POST.get("source")
    dest = request.POST.get("dest")
    shutil.copyfile("/srv/reports/" + src, "/srv/shared/" + dest)
    return JsonResponse({"copied": dest})


urlpatterns = [
    path("copy-report/", copy_report, name="copy_report"),
]
