import json
import pickle
import shelve

import pandas as pd


def load_session(request, path):
    # ruleid: deserialization/python-pickle
    session = pickle.loads(request.body)
    with open(path, "rb") as fh:
        # ruleid: deserialization/python-pickle
        cache = pickle.load(fh)
    # ruleid: deserialization/python-pickle
    db = shelve.open(path + ".db")
    # ruleid: deserialization/python-pickle
    frame = pd.read_pickle(path)
    return session, cache, db, frame


def save_session(session, path):
    # ok: deserialization/python-pickle
    blob = pickle.dumps(session)
    # ok: deserialization/python-pickle
    data = json.loads(blob)
    with open(path, "wb") as fh:
        # ok: deserialization/python-pickle
        pickle.dump(session, fh)
    # ok: deserialization/python-pickle
    clone = pickle.loads(pickle.dumps(session))
    return data, clone


def spelled_otherwise(blob, path):
    import pickle as pk
    from pickle import loads as unpickle
    from dill import load

    # ruleid: deserialization/python-pickle
    a = pk.loads(blob)
    # ruleid: deserialization/python-pickle
    b = unpickle(blob)
    # ruleid: deserialization/python-pickle
    c = load(open(path, "rb"))
    # ok: deserialization/python-pickle
    d = json.loads(blob)  # pickle.loads(blob) was unsafe
    # ok: deserialization/python-pickle
    e = "never pickle.loads(untrusted)"
    return a, b, c, d, e


def checkpoints(upload):
    import torch

    # ruleid: deserialization/python-pickle
    a = torch.load(upload)
    # ok: deserialization/python-pickle
    b = torch.load(upload, weights_only=True)
    return a, b


FIXTURE = b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00]\x94."


def constants_written_here(blob):
    import pickle

    # ok: deserialization/python-pickle
    a = pickle.loads(b"\x80\x04K\x01.")
    # ok: deserialization/python-pickle
    b = pickle.loads(FIXTURE)
    data = FIXTURE if blob is None else blob
    # ruleid: deserialization/python-pickle
    c = pickle.loads(data)
    return a, b, c
