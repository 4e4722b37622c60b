from urllib.parse import unquote
from django.http import HttpResponseRedirect
from django.urls import path


def oauth_done(request):
    state = unquote(request.GET.get("state", "%2F"))
    return HttpResponseRedirect(state)


urlpatterns = [
    path("oauth-done/", oauth_done, name="oauth_done"),
]
