import codecs
import io
import os
import shutil
from pathlib import Path
from unittest import mock

from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"
REPORTS = {"daily": "daily.csv", "weekly": "weekly.csv"}


def upload_path(name):
    return os.path.join(UPLOADS, name)


def remove(path):
    # ruleid: path-traversal/python-tainted-path
    os.remove(path)


@app.route("/download")
def download():
    name = request.args.get("name")
    # ruleid: path-traversal/python-tainted-path
    handle = open(os.path.join(UPLOADS, name))
    # ruleid: path-traversal/python-tainted-path
    response = send_file(upload_path(name))
    remove(UPLOADS + "/" + name)
    # ok: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, secure_filename(name)))
    # ok: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, os.path.basename(name)))
    # ok: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, REPORTS["daily"]))
    kind = request.args.get("kind")
    target = REPORTS["weekly"] if kind == "weekly" else REPORTS["daily"]
    # ok: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, target))
    paths = {"source": name}
    # ruleid: path-traversal/python-tainted-path
    shutil.copy(paths["source"], "/tmp/copy")
    return response, handle


def cleanup(folder):
    # ok: path-traversal/python-tainted-path
    shutil.rmtree(folder)


DOCS = os.path.realpath("/var/docs")


def read_doc(request):
    doc = request.GET.get("doc", "index.txt")
    # ruleid: path-traversal/python-tainted-path
    Path("/var/log/app").joinpath(doc).read_text()
    # ruleid: path-traversal/python-tainted-path
    send_from_directory(os.path.join("/srv/exports", doc), "export.csv")
    # ok: path-traversal/python-tainted-path
    send_from_directory("/srv/exports", doc)
    path = os.path.realpath(os.path.join(DOCS, doc))
    if os.path.commonpath([DOCS, path]) != DOCS:
        raise ValueError("no such document")
    # ok: path-traversal/python-tainted-path
    with open(path) as handle:
        return handle.read()


LIMIT = 7


@app.route("/notes", methods=["POST"])
def notes():
    note = request.form.get("note", "")
    # ruleid: path-traversal/python-tainted-path
    codecs.open(f"{UPLOADS}/{note}", "r", "utf-8")
    # A condition of known values folds: the request's name is never the one opened
    chosen = "readme.txt" if LIMIT * 3 > 20 else note
    # ok: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, chosen))
    layout = "wide"
    match layout:
        case "narrow":
            page = note
        case "wide" | "print":
            page = "wide.txt"
        case _:
            page = note
    # ok: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, page))
    names = ["index.txt", note, "footer.txt"]
    names.pop(0)
    # ok: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, names[1]))
    # ruleid: path-traversal/python-tainted-path
    open(os.path.join(UPLOADS, names[0]))
    if ".." in note:
        return "no climbing out of the uploads folder"
    # ok: path-traversal/python-tainted-path
    return codecs.open(f"{UPLOADS}/{note}", "r", "utf-8").read()


@app.route("/attachments")
def attachment():
    wanted = os.path.realpath(os.path.join(UPLOADS, request.args["name"]))
    if not wanted.startswith(os.path.realpath(UPLOADS) + os.sep):
        abort(403)  # never returns: only a path inside the uploads folder gets past
    # ok: path-traversal/python-tainted-path
    return open(wanted).read()


@mock.patch("shutil.which")
def test_export(which, tmp_path):
    # A test's patch decorator hands mocks and fixtures in, not request data.
    # ok: path-traversal/python-tainted-path
    return open(tmp_path / "export.txt").read()


@app.route("/thumbnail", methods=["POST"])
def thumbnail():
    upload = request.files["image"]
    # ok: path-traversal/python-tainted-path
    return send_file(io.BytesIO(upload.read()), mimetype="image/png")


@app.route("/avatar", methods=["POST"])
def avatar():
    picture = request.files["picture"]
    # ruleid: path-traversal/python-tainted-path
    picture.save(os.path.join(UPLOADS, picture.filename))
    # ok: path-traversal/python-tainted-path
    picture.save(os.path.join(UPLOADS, secure_filename(picture.filename)))
    # ok: path-traversal/python-tainted-path
    picture.save(os.path.join(UPLOADS, "avatar.png"))
    buffer = io.BytesIO()
    # ok: path-traversal/python-tainted-path
    picture.save(buffer)
    attachment = request.files.get("attachment")
    # ruleid: path-traversal/python-tainted-path
    attachment.save(UPLOADS + "/" + request.form["name"])
    # ruleid: path-traversal/python-tainted-path
    request.files["document"].save(os.path.join(UPLOADS, request.files["document"].filename))
    for upload in request.files.getlist("photos"):
        # ruleid: path-traversal/python-tainted-path
        upload.save(os.path.join(UPLOADS, upload.filename))
        # ok: path-traversal/python-tainted-path
        upload.save(os.path.join(UPLOADS, secure_filename(upload.filename)))
    return "saved"
