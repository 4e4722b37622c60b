import shlex
import subprocess
from subprocess import Popen, check_output


def archive(name, dest):
    # ruleid: command-injection/python-subprocess-shell
    subprocess.run(f"tar czf {dest} {name}", shell=True, check=True)
    # ruleid: command-injection/python-subprocess-shell
    subprocess.call("rm -rf " + name, shell=True)
    # ruleid: command-injection/python-subprocess-shell
    proc = Popen("gzip %s" % name, shell=True, stdout=subprocess.PIPE)
    # ruleid: command-injection/python-subprocess-shell
    out = check_output(["ls", name], shell=True)
    cmd = "du -sh {}".format(dest)
    # ruleid: command-injection/python-subprocess-shell
    subprocess.check_output(cmd,
                            shell=True, text=True)
    return proc, out


def safe(name):
    # ok: command-injection/python-subprocess-shell
    subprocess.run(["tar", "czf", "out.tgz", name], check=True)
    # ok: command-injection/python-subprocess-shell
    subprocess.run("ls -la /var/log | wc -l", shell=True)
    # ok: command-injection/python-subprocess-shell
    subprocess.run(["git", "status"], shell=True)
    # ok: command-injection/python-subprocess-shell
    subprocess.run(name, shell=False)
    # ok: command-injection/python-subprocess-shell
    subprocess.run("gzip " + shlex.quote(name), shell=True)
    # ok: command-injection/python-subprocess-shell
    return check_output(("uptime",), shell=True)
