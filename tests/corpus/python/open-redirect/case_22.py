from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def logout_view(request):
    destination = request.GET.get("return_to", "/")
    request.session.flush()
    if not url_has_allowed_host_and_scheme(destination, allowed_hosts={request.get_host()}, require_https=True):
        destination = "/"
    return redirect(destination)
