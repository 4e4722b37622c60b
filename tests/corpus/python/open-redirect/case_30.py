from django.http import HttpResponseRedirect


def switch_language(request):
    lang = request.POST.get("lang", "en")
    request.session["lang"] = lang
    back = request.META.get("HTTP_REFERER", "/")
    return HttpResponseRedirect(back)
