import shlex
import subprocess
from django.http import HttpResponse


def whois(request):
    name = request.POST.get("name", "")
    args = shlex.split("whois -H") + [name]
    out = subprocess.check_output(args, text=True)
    return HttpResponse(out)
