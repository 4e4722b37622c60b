import shlex
import subprocess
from subprocess import Popen, check_output

from flask import Flask, request

app = Flask(__name__)


def convert(src, dst):
    # ruleid: command-injection/python-subprocess-shell
    subprocess.run(f"convert {src} {dst}", shell=True, check=True)


@app.route("/thumb", methods=["POST"])
def thumbnail():
    name = request.form["name"]
    size = request.form.get("size", "64")
    # ruleid: command-injection/python-subprocess-shell
    subprocess.call("convert " + name + " -resize " + size + " out.png", shell=True)
    options = {"name": name}
    command = "identify " + options["name"]
    # ruleid: command-injection/python-subprocess-shell
    Popen(command, shell=True)
    convert(name, "out.png")
    # ok: command-injection/python-subprocess-shell
    subprocess.run(["convert", name, "out.png"], check=True)
    # ok: command-injection/python-subprocess-shell
    subprocess.call("convert " + shlex.quote(name) + " out.png", shell=True)
    # ok: command-injection/python-subprocess-shell
    check_output("ls -l /tmp", shell=True)
    # ok: command-injection/python-subprocess-shell
    subprocess.check_call("convert " + name, shell=False)
    if size.isdigit():
        # ok: command-injection/python-subprocess-shell
        subprocess.run("convert in.png -resize " + size, shell=True)
    else:
        # ruleid: command-injection/python-subprocess-shell
        subprocess.run("convert in.png -resize " + size, shell=True)
    return "ok"


def nightly(paths):
    # No untrusted source: a note for the bare pattern, not a finding.
    # ok: command-injection/python-subprocess-shell
    subprocess.run("rm -f " + " ".join(paths), shell=True)


@app.route("/truthy")
def truthy():
    command = "ls " + request.args.get("dir", ".")
    # shell="False" is truthy: the pattern reports it (a note); flows are followed for shell=True
    # ok: command-injection/python-subprocess-shell
    subprocess.call(command, shell="False")
    # ok: command-injection/python-subprocess-shell
    subprocess.call(command.split(), shell=False)
    # ok: command-injection/python-subprocess-shell
    return subprocess.check_output(["ls", request.args.get("dir", ".")], shell=0)
