"""The secret detector files, table-driven: each detector's `ruleid:` lines (with values generated
from its format, checksums made valid) must be reported with the value, its `ok:` lines must not.

No credential is committed: true values are drawn at run time from each detector's format."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import exrex
import pytest

from shoal.secrets.catalog import (
    DETECTORS,
    DetectorError,
    builtin_folder,
    builtin_specs,
    load_detectors,
    rules_of,
)
from shoal.secrets.checks import CHECKS, confluent_crc32_fix, confluent_crc32_ok, crc32_suffix_fix, crc32_suffix_ok
from shoal.secrets.scanner import scan_secrets_with_values

SPECS = builtin_specs()  # validated against the schema here (run time skips it)
SAMPLES_PER_DETECTOR = 2


def generate(spec: dict[str, Any], seed: int) -> str:
    """A random value in the detector's format, made valid for its check (a checksum)."""
    regex = spec.get("samples", {}).get("generate") or spec["secret"]
    state = random.getstate()
    random.seed(f"{spec['id']}-{seed}")
    try:
        value = exrex.getone(regex)
    finally:
        random.setstate(state)
    if "check" in spec:
        value = CHECKS[spec["check"]].fix(value.encode()).decode()
    return value


def true_lines(spec: dict[str, Any]) -> list[str]:
    """The lines that must be reported: the file's own templates, else a bare call argument
    (for values that name themselves) and a telling name."""
    templates = spec.get("samples", {}).get("ruleid")
    if not templates:
        name = re.sub(r"[^A-Za-z0-9_]+", "_", spec["keywords"][0]).strip("_").upper()
        templates = [f'{name}_KEY = "{{secret}}"']
        if spec.get("context") != "named":
            templates.append('client = Client("{secret}")')
        elif spec.get("extract", "token") == "token":
            # Bare in a client call, in a file that names the provider (its SDK's import).
            templates.append(f'import {name.lower()}\n\nclient = Client("{{secret}}")')
    return templates


def cases() -> list[Any]:
    out = []
    for spec in SPECS:
        for seed in range(SAMPLES_PER_DETECTOR):
            for number, template in enumerate(true_lines(spec)):
                out.append(pytest.param(spec, seed, template, id=f"{spec['id']}-{seed}-{number}"))
    return out


@pytest.mark.parametrize(("spec", "seed", "template"), cases())
def test_true_samples_are_reported(spec: dict[str, Any], seed: int, template: str) -> None:
    value = generate(spec, seed)
    line = template.replace("{secret}", value)
    found = scan_secrets_with_values("src/settings.py", (line + "\n").encode())
    rule = f"secrets/{spec['id']}"
    values = [v for f, v in found if f.rule_id == rule]
    assert values, f"{rule} missed its generated sample ({len(value)} chars)"
    if spec.get("extract", "token") == "token":
        assert value.encode() in values  # the value itself, not a part of it
    assert all(value not in f.message and value not in str(f.properties) for f, _ in found)


@pytest.mark.parametrize("spec", SPECS, ids=[s["id"] for s in SPECS])
def test_ok_samples_are_not_reported(spec: dict[str, Any]) -> None:
    rule = f"secrets/{spec['id']}"
    for line in spec["samples"]["ok"]:
        found = scan_secrets_with_values("src/settings.py", (line + "\n").encode())
        assert [f for f, _ in found if f.rule_id == rule] == [], line


def test_every_detector_has_samples_and_ids_are_unique() -> None:
    ids = [spec["id"] for spec in SPECS]
    assert len(ids) == len(set(ids))
    assert len(rules_of(DETECTORS)) == len(SPECS)
    for spec in SPECS:
        assert spec.get("samples", {}).get("ok"), f"{spec['id']} has no ok: sample"
        assert "secret" in spec or spec.get("samples", {}).get("generate"), spec["id"]


def test_breadth_of_providers() -> None:
    assert len(SPECS) >= 150
    assert len({spec["provider"] for spec in SPECS}) >= 100


def test_github_checksum() -> None:
    rng = random.Random(1)
    body = "ghp_" + "".join(rng.choice("abcdefghijkLMNOPQR0123456789") for _ in range(36))
    fixed = crc32_suffix_fix(body.encode())
    assert crc32_suffix_ok(fixed)
    broken = fixed[:-1] + (b"A" if fixed[-1:] != b"A" else b"B")
    assert not crc32_suffix_ok(broken)
    assert scan_secrets_with_values("a.py", b'T = "' + fixed + b'"\n')
    assert not [f for f, _ in scan_secrets_with_values("a.py", b'T = Client("' + broken + b'")\n')
                if f.rule_id == "secrets/github-token"]


def test_confluent_checksum() -> None:
    rng = random.Random(2)
    body = "cflt" + "".join(rng.choice("abcXYZ0123456789+/") for _ in range(60))
    fixed = confluent_crc32_fix(body.encode())
    assert confluent_crc32_ok(fixed) and not confluent_crc32_ok(fixed[:-1])
    broken = fixed[:10] + (b"A" if fixed[10:11] != b"A" else b"B") + fixed[11:]
    assert not confluent_crc32_ok(broken)
    rule = "secrets/confluent-api-secret"
    assert [f for f, _ in scan_secrets_with_values("a.py", b'S = "' + fixed + b'"\n') if f.rule_id == rule]
    assert not [f for f, _ in scan_secrets_with_values("a.py", b'S = "' + broken + b'"\n') if f.rule_id == rule]


def test_user_detectors_load_and_bad_ones_are_refused(tmp_path: Path) -> None:
    (tmp_path / "acme.yaml").write_text(
        "detectors:\n"
        "  - id: acme-token\n    provider: Acme\n    label: Acme token\n"
        "    secret: 'acme_[a-z0-9]{32}'\n    keywords: [acme_]\n"
        "    samples: {ok: ['acme_']}\n"
    )
    (detector,) = load_detectors(tmp_path)
    assert detector.meta.id == "secrets/acme-token"
    (tmp_path / "acme.yaml").write_text("detectors:\n  - id: x\n    provider: P\n")
    with pytest.raises(DetectorError, match=r"acme.yaml: invalid detector file at detectors/0"):
        load_detectors(tmp_path)
    (tmp_path / "acme.yaml").write_text(
        "detectors:\n  - id: bad-re\n    provider: P\n    label: L\n    secret: '(unclosed'\n    keywords: [ab]\n"
    )
    with pytest.raises(DetectorError, match=r"detector bad-re: invalid RE2 regex"):
        load_detectors(tmp_path)


def test_builtin_patterns_compile_with_their_groups() -> None:
    # Run time skips this check to compile only the patterns a file wakes.
    assert len(load_detectors(builtin_folder(), validate=True)) == len(DETECTORS)


def test_a_bare_value_needs_the_provider_in_the_file_and_a_client_call() -> None:
    spec = next(s for s in SPECS if s["id"] == "twilio-auth-token")
    value = generate(spec, 5)
    rule = "secrets/twilio-auth-token"

    def reported(text: str) -> bool:
        return any(f.rule_id == rule for f, _ in scan_secrets_with_values("app.py", text.encode()))

    assert reported(f'from twilio.rest import Client\nclient = Client(ACCOUNT_SID, "{value}")')
    assert reported(f'from twilio.rest import Client\nclient = Client("{value}")')
    assert reported(f'import twilio\nlogin = twilio_login(password="{value}")')
    assert not reported(f'client = Client("{value}")')  # nothing names the provider
    assert not reported(f'import twilio\nrevision = checkout("{value}")')  # not a client's call
