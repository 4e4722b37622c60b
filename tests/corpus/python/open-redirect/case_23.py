from django.http import HttpResponseRedirect
from django.urls import reverse
from django.urls import path


def switch_language(request):
    lang = request.POST.get("lang", "en")
    request.session["lang"] = lang
    return HttpResponseRedirect(reverse("home"))


urlpatterns = [
    path("switch-language/", switch_language, name="switch_language"),
]
