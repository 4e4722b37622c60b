from django.http import FileResponse
from django.urls import path


def avatar(request):
    user = request.COOKIES.get("user", "default")
    filename = "/srv/avatars/%s.png" % user
    return FileResponse(open(filename, "rb"))


urlpatterns = [
    path("avatar/", avatar, name="avatar"),
]
