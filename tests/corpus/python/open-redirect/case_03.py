import logging
from django.shortcuts import redirect
from django.urls import path

log = logging.getLogger(__name__)


def oauth_done(request):
    log.info("oauth state %s", request.GET.get("state", ""))
    return redirect("/account/")


urlpatterns = [
    path("oauth-done/", oauth_done, name="oauth_done"),
]
