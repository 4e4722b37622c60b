import os
import zipfile
from django.http import JsonResponse

DEST = os.path.realpath("/srv/unpacked")


def unpack(request):
    with zipfile.ZipFile(request.FILES["archive"]) as zf:
        for member in zf.namelist():
            target = os.path.realpath(os.path.join(DEST, member))
            if not target.startswith(DEST + os.sep):
                return JsonResponse({"error": "member outside destination"}, status=400)
        zf.extractall(DEST)
    return JsonResponse({"files": len(zf.namelist())})
