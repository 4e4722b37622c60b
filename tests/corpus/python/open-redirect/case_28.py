from django.shortcuts import redirect
from django.views.decorators.http import require_POST


@require_POST
def subscribe(request):
    email = request.POST.get("email")
    redirects = [request.POST.get("after", "/")]
    request.session["subscribed"] = email
    return redirect(redirects[0])
