import os
import shlex
import subprocess


def ping(host, logfile):
    # ruleid: command-injection/python-os-system
    os.system("ping -c 1 " + host)
    # ruleid: command-injection/python-os-system
    listing = os.popen(f"ls -l {logfile}").read()
    # ruleid: command-injection/python-os-system
    status, out = subprocess.getstatusoutput("nslookup %s" % host)
    command = build_command(host)
    # ruleid: command-injection/python-os-system
    return os.system(command), listing, status, out


def fine(host):
    # ok: command-injection/python-os-system
    os.system("clear")
    # ok: command-injection/python-os-system
    uptime = os.popen("uptime").read()
    # ok: command-injection/python-os-system
    os.system("ping -c 1 " + shlex.quote(host))
    # ok: command-injection/python-os-system
    subprocess.run(["ping", "-c", "1", host], check=True)
    # ok: command-injection/python-os-system
    return os.path.join("/var/log", host), uptime


def build_command(host):
    return "dig " + host
