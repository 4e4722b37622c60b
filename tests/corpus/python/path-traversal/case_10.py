import zipfile
from django.http import JsonResponse


def unpack(request):
    archive = request.FILES["archive"]
    with zipfile.ZipFile(archive) as zf:
        for member in zf.namelist():
            with open("/srv/unpacked/" + member, "wb") as out:
                out.write(zf.read(member))
    return JsonResponse({"files": zf.namelist()})
