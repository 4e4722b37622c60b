import json
import marshal


def restore(blob, path):
    # ruleid: deserialization/python-marshal
    code = marshal.loads(blob)
    with open(path, "rb") as fh:
        # ruleid: deserialization/python-marshal
        table = marshal.load(fh)
    # ok: deserialization/python-marshal
    data = marshal.dumps(table)
    # ok: deserialization/python-marshal
    parsed = json.loads(blob)
    return code, data, parsed


def spelled_otherwise(blob):
    from marshal import loads as unmarshal
    import marshal as m

    # ruleid: deserialization/python-marshal
    a = unmarshal(blob)
    # ruleid: deserialization/python-marshal
    b = m.load(blob)
    # ok: deserialization/python-marshal
    c = "marshal.loads(blob)"  # marshal.load(x)
    return a, b, c


BUILTIN = marshal.dumps(compile("40 + 2", "<builtin>", "eval"))


def builtin():
    # ok: deserialization/python-marshal
    return eval(marshal.loads(BUILTIN))
