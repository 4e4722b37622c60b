import os
from django.http import HttpResponse
from django.views.decorators.http import require_POST


@require_POST
def print_label(request):
    printer = request.POST.get("printer", "lp0")
    copies = request.POST.get("copies", "1")
    os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "lpr -P %s -# %s label.pdf" % (printer, copies))
    return HttpResponse("queued")
