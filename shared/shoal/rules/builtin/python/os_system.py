import os
import shlex
import subprocess
import sys

from django.urls import path, re_path
from flask import Flask, request
from os import system as os_system_alias

app = Flask(__name__)
TOOLS = {"ping": "ping -c 1 localhost", "uptime": "uptime"}


def archive_command(name):
    return "tar czf /tmp/backup.tgz " + name


def run(command):
    # ruleid: command-injection/python-os-system
    return os.system(command)


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # ruleid: command-injection/python-os-system
    os.system("ping -c 1 " + host)
    cmd = f"nslookup {host}"
    # ruleid: command-injection/python-os-system
    out = os.popen(cmd).read()
    # ruleid: command-injection/python-os-system
    subprocess.getoutput(archive_command(host))
    run("whois " + host)
    # ok: command-injection/python-os-system
    os.system("ping -c 1 " + shlex.quote(host))
    # ok: command-injection/python-os-system
    os.system("uptime")
    tool = request.args.get("tool")
    # ok: command-injection/python-os-system
    os.system(TOOLS["ping"])
    if tool in TOOLS:
        # ok: command-injection/python-os-system
        os.system(tool)
    args = []
    for part in request.args.getlist("arg"):
        args.append(part)
    # ruleid: command-injection/python-os-system
    os.system("ls " + " ".join(args))
    count = int(request.args.get("count", "1"))
    # ok: command-injection/python-os-system
    os.system(f"ping -c {count} localhost")
    return out


@app.route("/label", methods=["POST"])
def print_label():
    printer = request.form.get("printer", "lp0")
    # ruleid: command-injection/python-os-system
    os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "lpr -P %s label.pdf" % printer)
    # ok: command-injection/python-os-system
    os.spawnlp(os.P_WAIT, "lpr", "lpr", "-P", "lp0", "label.pdf")


def restart(request, service):
    # ruleid: command-injection/python-os-system
    return os_system_alias("systemctl restart " + service)


def status(request, service):
    # ok: command-injection/python-os-system
    return os_system_alias("systemctl status " + shlex.quote(service))


urlpatterns = [
    path("restart/<service>/", restart),
    re_path(r"^status/(?P<service>\w+)/$", status),
]


def main():
    # ruleid: command-injection/python-os-system
    os.system("convert " + sys.argv[1])
    local = "backup" if len(sys.argv) > 2 else "restore"
    # ok: command-injection/python-os-system
    os.system("service db " + local)


@app.route("/echo")
def echo():
    word = request.args.get("word", "")
    # ruleid: command-injection/python-os-system
    subprocess.run(["sh", "-c", f"echo {word}"], capture_output=True)
    # ok: command-injection/python-os-system
    subprocess.run(["echo", "--", word], capture_output=True)
    # ok: command-injection/python-os-system
    subprocess.run(["ping", "-c", "1", word], capture_output=True)
    argv = []
    argv.append("bash")
    argv.append("-c")
    argv.append("echo " + word)
    # ruleid: command-injection/python-os-system
    subprocess.check_output(argv)
    fixed = ["ls", "-l"]
    fixed.append(word)
    # ok: command-injection/python-os-system
    subprocess.check_output(fixed)
    script = ["sh", "-c", "grep -r " + word]  # built first, run after: the script holds the word
    # ruleid: command-injection/python-os-system
    subprocess.check_output(script)
    listing = ["ls", "-l", "--", "/srv/" + word]
    # ok: command-injection/python-os-system
    return subprocess.check_output(listing)
