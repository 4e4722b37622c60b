import tempfile
from tempfile import mktemp


def export(rows):
    # ruleid: tempfile/python-mktemp
    path = tempfile.mktemp(suffix=".csv")
    # ruleid: tempfile/python-mktemp
    backup = mktemp()
    with open(path, "w") as fh:
        fh.writelines(rows)
    return path, backup


def export_safely(rows):
    # ok: tempfile/python-mktemp
    fd, path = tempfile.mkstemp(suffix=".csv")
    # ok: tempfile/python-mktemp
    with tempfile.NamedTemporaryFile("w", delete=False) as fh:
        fh.writelines(rows)
    return fd, path, fh.name
