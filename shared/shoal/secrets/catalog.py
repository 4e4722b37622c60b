"""Secret detectors as data: load `detectors/*.yaml` (and a repository's own files), check them,
and build the Detector objects the scanner runs. Built-in files are loaded once per process."""

from __future__ import annotations

import functools
import json
from dataclasses import replace
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import re2
import yaml

from shoal.errors import InputError
from shoal.models import RuleMeta, Severity
from shoal.secrets.checks import CHECKS
from shoal.secrets.detectors import EXTRACTORS, token
from shoal.secrets.model import Detector, compile_pattern, rule_meta

if TYPE_CHECKING:
    import jsonschema

DETECTOR_SUFFIXES = (".yaml", ".yml")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "note": Severity.NOTE}

# Around a value that identifies itself: no token character right after it (a longer string).
_RIGHT_EDGE = rb"(?:[^A-Za-z0-9_\-]|\z)"
# Between a naming keyword and its value: the rest of the name (`HEROKU_API_KEY`, `heroku.apiKey`),
# a closing quote or bracket, an assignment or a call's comma, an opening quote.
_NAMED_GAP = rb"[A-Za-z0-9_.\-]{0,40}[\"']?\]?[ \t]*(?:=>|:=|=|:|,)[ \t]*[\"'`]?"


# A value passed bare to a client's constructor or login call, by position or any keyword:
# `Client("...")`, `mailgun.Mailgun("...")`, `ZoomClient(secret="...")`. A named detector's keyword
# must still occur in the file (its pre-filter): the import of the provider's SDK, usually.
_CLIENT_CALL = (rb"[A-Za-z0-9_]*(?:Client|client|API|Api|Auth|auth|Session|session|Connect|connect|Login|login"
                rb"|Init|init)[A-Za-z0-9_]*")
# The value is the first argument or follows one short one (`Client(ACCOUNT_SID, "<token>")`).
_CALL_ARGUMENT = (rb"\([ \t]*(?:[A-Za-z0-9_.\"'`]{1,64}[ \t]*,[ \t]*)?(?:[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*)?"
                  rb"[\"'`]")


_NEEDS_SECRET_GROUP = frozenset({"token", "jwt", "connection-password", "auth-header", "b64-private-key",
                                 "client-argument"})
# Detectors with no provider format: they skip lockfiles and lose to a specific detector.
_GENERIC_KINDS = frozenset({"generic", "generic-key", "auth-header", "client-argument"})


class DetectorError(InputError):
    """A detector file is invalid; the message names the file, the detector and what is wrong."""


def builtin_folder() -> Path:
    return Path(str(resources.files("shoal.secrets").joinpath("detectors")))


def detector_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in DETECTOR_SUFFIXES and p.is_file())


@functools.cache
def _schema_validator() -> jsonschema.Draft7Validator:
    import jsonschema  # only user files and tests validate: built-ins are checked by the tests

    text = resources.files("shoal.secrets").joinpath("schema", "detector.schema.json").read_text("utf-8")
    return jsonschema.Draft7Validator(json.loads(text))


def load_specs(path: Path, validate: bool = True) -> list[dict[str, Any]]:
    """The detector entries of one file, each with its `source`; schema errors name the place."""
    try:
        data = yaml.load(path.read_bytes(), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise DetectorError(f"{path}: cannot read detectors: {exc}") from None
    if validate:
        check_document(data, str(path))
    return [dict(entry, source=str(path)) for entry in data["detectors"]]


def check_document(data: Any, source: str) -> None:
    """Refuse a detectors document the schema does not accept, naming the file, the detector
    (by index and id) and the field at fault."""
    errors = sorted(_schema_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    error = errors[0]
    where = "/".join(str(p) for p in error.absolute_path) or "top level"
    path = list(error.absolute_path)
    named = ""
    if len(path) >= 2 and path[0] == "detectors" and isinstance(path[1], int):
        entry = data["detectors"][path[1]]
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            named = f" (detector {entry['id'][:80]})"
    message = error.message if len(error.message) <= 300 else error.message[:300] + "..."
    raise DetectorError(
        f"{source}: invalid detector file at {where}{named}: {message} "
        "(the schema is shoal/secrets/schema/detector.schema.json)"
    )


def _camel(slug: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in slug.split("-"))


def _keywords_prefilter(spec: Mapping[str, Any]) -> bytes:
    if "prefilter" in spec:  # keywords common in code ("pat", "re_") need the characters after them
        return spec["prefilter"].encode("utf-8")
    words = b"|".join(re2.escape(k.encode("utf-8")) for k in spec["keywords"])
    ignore_case = spec.get("ignore_case", spec.get("context") == "named")
    return (b"(?i)" if ignore_case else b"") + words


def build_pattern(spec: Mapping[str, Any]) -> bytes:
    """The detector's whole RE2 pattern: given, or built around the `secret` regex."""
    if "pattern" in spec:
        return spec["pattern"].encode("utf-8")
    secret = b"(?P<secret>" + spec["secret"].encode("utf-8") + b")"
    if spec.get("context") == "named":
        names = b"|".join(re2.escape(k.encode("utf-8")) for k in spec["keywords"])
        return b"(?i:" + names + b")" + _NAMED_GAP + secret + _RIGHT_EDGE
    # A word boundary where the value starts with a word character (`AKIA`); before a class,
    # no token character (the byte is consumed: RE2 has no lookbehind).
    left = rb"\b" if spec["secret"][:1].isalnum() else rb"(?:\A|[^A-Za-z0-9_\-])"
    return left + secret + _RIGHT_EDGE


def call_pattern(spec: Mapping[str, Any]) -> bytes:
    """A named detector's second pattern: its value as a client call's string argument, the call
    named like a client or like the provider (`Mailchimp(`, `twilio_login(`)."""
    names = b"|".join(re2.escape(k.encode("utf-8")) for k in spec["keywords"])
    callee = b"(?:" + _CLIENT_CALL + rb"|[A-Za-z0-9_]*(?i:" + names + rb")[A-Za-z0-9_]*)"
    return rb"\b" + callee + _CALL_ARGUMENT + b"(?P<secret>" + spec["secret"].encode("utf-8") + rb")[\"'`]"


def _meta(spec: Mapping[str, Any]) -> RuleMeta:
    label = spec["label"]
    description = spec.get("description") or f"A {label} ({spec['provider']}) is hard-coded in the file."
    severity = _SEVERITIES[spec.get("severity", "error")]
    return rule_meta(spec["id"], _camel(spec["id"]), label, severity, description)


def _check_pattern(spec: Mapping[str, Any], pattern: bytes) -> None:
    """A pattern RE2 refuses, or without the `secret` group its extract reads, is an error."""
    where = f"{spec.get('source', '?')}: detector {spec['id']}"
    try:
        compiled = compile_pattern(pattern)
        compile_pattern(_keywords_prefilter(spec))
    except re2.error as exc:
        raise DetectorError(f"{where}: invalid RE2 regex: {exc}") from None
    if spec.get("extract", "token") in _NEEDS_SECRET_GROUP and b"secret" not in compiled.groupindex:
        raise DetectorError(f"{where}: the pattern has no (?P<secret>...) group")


def build(spec: Mapping[str, Any], validate: bool = True) -> Detector:
    """One Detector from one entry. Built-ins skip the pattern check (the tests make it), so a
    process compiles only the patterns its files wake."""
    pattern = build_pattern(spec)
    if validate:
        _check_pattern(spec, pattern)
    try:
        allow = tuple(compile_pattern(a.encode("utf-8")) for a in spec.get("allow", ()))
    except re2.error as exc:
        raise DetectorError(f"{spec.get('source', '?')}: detector {spec['id']}: invalid RE2 allow regex: {exc}") from None
    kind = spec.get("extract", "token")
    if kind == "token":
        check = CHECKS[spec["check"]].valid if "check" in spec else None
        extract = token(spec.get("confidence", "high"), check, float(spec.get("min_entropy", 0.0)), allow)
    else:
        extract = EXTRACTORS[kind]
    return Detector(
        _meta(spec), spec["label"], pattern, _keywords_prefilter(spec), extract, generic=kind in _GENERIC_KINDS
    )


def build_all(spec: Mapping[str, Any], validate: bool = True) -> list[Detector]:
    """The detectors of one entry: a named token detector also finds its value passed bare to a
    client call, at medium confidence, under the same rule."""
    main = build(spec, validate)
    if spec.get("context") != "named" or spec.get("extract", "token") != "token" or "pattern" in spec:
        return [main]
    confidence = "medium" if spec.get("confidence", "high") == "high" else spec["confidence"]
    call = build(dict(spec, pattern=call_pattern(spec).decode("utf-8"), confidence=confidence), validate)
    return [main, replace(call, anywhere=True)]


def load_detectors(folder: Path, validate: bool = True) -> tuple[Detector, ...]:
    """Every detector under `folder`; two with one id are refused, naming both files."""
    if not folder.is_dir():
        raise DetectorError(f"{folder}: no such detectors folder")
    seen: dict[str, str] = {}
    detectors = []
    for path in detector_files(folder):
        for spec in load_specs(path, validate):
            if spec["id"] in seen:
                raise DetectorError(f"{path}: detector {spec['id']} is already defined in {seen[spec['id']]}")
            seen[spec["id"]] = str(path)
            detectors.extend(build_all(spec, validate))
    return tuple(detectors)


def user_detectors(folder: Path, relative_to: Path | None = None) -> tuple[Detector, ...]:
    """A repository's own detectors: the YAML files of its rules folder whose top level is a
    `detectors:` list, validated as the built-in ones are (schema, RE2, the secret group). An id
    that a built-in detector or another file already has is refused, naming both."""
    from shoal.rules.registry import detector_documents

    seen = {detector.meta.id: "the built-in detectors" for detector in builtin_detectors()}
    detectors = []
    for source, data in detector_documents(folder, relative_to):
        check_document(data, source)
        for entry in data["detectors"]:
            spec = dict(entry, source=source)
            rule_id = f"secrets/{spec['id']}"
            if rule_id in seen:
                raise DetectorError(f"{source}: detector {spec['id']} is already defined in {seen[rule_id]}")
            seen[rule_id] = source
            detectors.extend(build_all(spec, validate=True))
    return tuple(detectors)


@functools.cache
def builtin_detectors() -> tuple[Detector, ...]:
    # Not validated at run time (the schema and jsonschema's import cost 0.1 s): the tests validate them.
    return load_detectors(builtin_folder(), validate=False)


def builtin_specs() -> list[dict[str, Any]]:
    return [spec for path in detector_files(builtin_folder()) for spec in load_specs(path)]


def rules_of(detectors: Sequence[Detector]) -> tuple[RuleMeta, ...]:
    """One rule per id (a detector may run more than one pattern)."""
    return tuple({detector.meta.id: detector.meta for detector in detectors}.values())


DETECTORS: tuple[Detector, ...] = builtin_detectors()
SECRET_RULES: tuple[RuleMeta, ...] = rules_of(DETECTORS)
