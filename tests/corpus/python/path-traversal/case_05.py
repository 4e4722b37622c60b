import shutil
from django.http import JsonResponse


def copy_report(request):
    src = request.POST.get("source")
    dest = request.POST.get("dest")
    shutil.copyfile("/srv/reports/" + src, "/srv/shared/" + dest)
    return JsonResponse({"copied": dest})
