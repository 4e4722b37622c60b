import subprocess
from django.views import View
from django.http import HttpResponse


class VersionView(View):
    def get(self, request):
        tool = request.GET.get("tool", "git")
        commands = {"git": ["git", "--version"], "python": ["python3", "--version"]}
        argv = commands.get(tool, commands["git"])
        return HttpResponse(subprocess.check_output(argv, text=True))
