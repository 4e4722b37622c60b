import logging
from django.shortcuts import redirect

log = logging.getLogger(__name__)


def oauth_done(request):
    log.info("oauth state %s", request.GET.get("state", ""))
    return redirect("/account/")
