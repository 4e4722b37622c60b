from urllib.parse import unquote
from django.http import HttpResponseRedirect


def oauth_done(request):
    state = unquote(request.GET.get("state", "%2F"))
    return HttpResponseRedirect(state)
