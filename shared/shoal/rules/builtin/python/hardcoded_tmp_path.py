import logging
import os
import tempfile
from pathlib import Path


def write_report(data, name):
    # ruleid: tempfile/python-hardcoded-tmp-path
    with open("/tmp/report.csv", "w") as fh:
        fh.write(data)
    # ruleid: tempfile/python-hardcoded-tmp-path
    lock = Path("/var/tmp/app.lock")
    # ruleid: tempfile/python-hardcoded-tmp-path
    target = os.path.join("/tmp", name)
    # ruleid: tempfile/python-hardcoded-tmp-path
    handler = logging.FileHandler(f"/tmp/{name}.log")
    return lock, target, handler


def write_report_safely(data, base_dir):
    # ok: tempfile/python-hardcoded-tmp-path
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as fh:
        fh.write(data)
    # ok: tempfile/python-hardcoded-tmp-path
    with open(os.path.join(base_dir, "report.csv"), "w") as out:
        out.write(data)
    # ok: tempfile/python-hardcoded-tmp-path
    with open("/tmpl/settings.ini") as cfg:
        settings = cfg.read()
    # ok: tempfile/python-hardcoded-tmp-path
    scratch = tempfile.mkdtemp(dir="/tmp")
    return fh.name, settings, scratch
