import tarfile
import tempfile
from tarfile import open as open_archive


def unpack(filename):
    tar = tarfile.open(filename)
    # ruleid: path-traversal/python-tarfile-extractall
    tar.extractall(path=tempfile.mkdtemp())
    # ruleid: path-traversal/python-tarfile-extractall
    tar.extractall(path="/srv/bundles", filter="fully_trusted")
    # ruleid: path-traversal/python-tarfile-extractall
    tar.extractall(path="/srv/bundles", members=[])
    # ok: path-traversal/python-tarfile-extractall
    tar.extractall(path="/srv/bundles", filter="data")
    # ok: path-traversal/python-tarfile-extractall
    tar.extractall(path="/srv/bundles", members=safe_members(tar))
    with open_archive("/tmp/bundle.tar") as bundle:
        # ruleid: path-traversal/python-tarfile-extractall
        bundle.extractall("/srv/bundles")
    archive = tarfile.TarFile("/tmp/other.tar")
    # ruleid: path-traversal/python-tarfile-extractall
    archive.extractall()


def safe_members(tar):
    return [m for m in tar.getmembers() if ".." not in m.name and not (m.issym() or m.islnk())]
