from django.http import HttpResponseRedirect
from django.urls import reverse


def switch_language(request):
    lang = request.POST.get("lang", "en")
    request.session["lang"] = lang
    return HttpResponseRedirect(reverse("home"))
