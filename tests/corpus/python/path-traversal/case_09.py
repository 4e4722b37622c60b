from django.http import FileResponse
from django.urls import path


def avatar(request):
    user_id = int(request.COOKIES.get("user_id", "0"))
    return FileResponse(open("/srv/avatars/%d.png" % user_id, "rb"))


urlpatterns = [
    path("avatar/", avatar, name="avatar"),
]
