import yaml
from yaml import CSafeLoader


def read_config(stream, text):
    # ruleid: deserialization/python-yaml-load
    config = yaml.load(stream)
    # ruleid: deserialization/python-yaml-load
    docs = list(yaml.load_all(text, Loader=yaml.FullLoader))
    # ruleid: deserialization/python-yaml-load
    legacy = yaml.unsafe_load(text)
    # ruleid: deserialization/python-yaml-load
    other = yaml.load(text, Loader=yaml.UnsafeLoader)
    return config, docs, legacy, other


def read_config_safely(stream, text):
    # ok: deserialization/python-yaml-load
    config = yaml.safe_load(stream)
    # ok: deserialization/python-yaml-load
    docs = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: deserialization/python-yaml-load
    fast = yaml.load(text, Loader=CSafeLoader)
    # ok: deserialization/python-yaml-load
    positional = yaml.load(text, yaml.SafeLoader)
    return config, docs, fast, positional


def spelled_otherwise(text):
    from yaml import load as yload, SafeLoader
    import yaml as y

    # ruleid: deserialization/python-yaml-load
    a = yload(text, Loader=y.Loader)
    # ruleid: deserialization/python-yaml-load
    b = y.unsafe_load(text)
    # ok: deserialization/python-yaml-load
    c = yload(text, Loader=SafeLoader)
    # ok: deserialization/python-yaml-load
    d = y.safe_load("yaml.load(text) is unsafe")  # yaml.load(text)
    return a, b, c, d


def documents_written_here(text):
    # ok: deserialization/python-yaml-load
    defaults = yaml.load("retries: 3\ntimeout: 10\n", Loader=yaml.Loader)
    # ruleid: deserialization/python-yaml-load
    given = yaml.load(text or "retries: 3", Loader=yaml.Loader)
    return defaults, given
