import subprocess
from django.views import View
from django.http import HttpResponse


class DiskUsageView(View):
    def get(self, request):
        path = request.GET["path"]
        pieces = []
        pieces.append("du -sh")
        pieces.append(path)
        text = subprocess.check_output(" ".join(pieces), shell=True, text=True)
        return HttpResponse(text)
