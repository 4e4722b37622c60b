from django.http import FileResponse


def avatar(request):
    user = request.COOKIES.get("user", "default")
    filename = "/srv/avatars/%s.png" % user
    return FileResponse(open(filename, "rb"))
