from django.http import FileResponse


def avatar(request):
    user_id = int(request.COOKIES.get("user_id", "0"))
    return FileResponse(open("/srv/avatars/%d.png" % user_id, "rb"))
