"""Benchmark: recall of the secret detectors on a labelled set they were not written from: the
positive examples of every built-in rule of Kingfisher (MongoDB's open-source secret scanner),
as its 1.112.0 release on PyPI ships them (`kingfisher-bin`, wheel pinned by sha256).

Kingfisher's authors wrote each rule's examples from the provider's token format; Shoal's detectors
and generated formats were written apart from them, so this is the held-out measure that
`secrets_recall.py`'s generated set cannot be. Each example is scanned as the text of a file of
its own, as Kingfisher gives it (`export X=...`, `token: "..."`, a bare token); it counts as found
when Shoal reports any secret in it. Kingfisher's later releases (2.x) list their rules without
examples, hence the pin.

The wheel is fetched with pip from PyPI (`--require-hashes`), its binary run once offline
(`kingfisher rules list --format json --no-update-check`), and the examples cached under
`.bench/kingfisher/`. Only the x86_64 Linux wheel is pinned; elsewhere the bench says so and stops.

    python tests/benchmarks/secrets_independent.py [--show-misses]
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import platform
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shoal.secrets.filters import looks_fake_token  # noqa: E402
from shoal.secrets.scanner import scan_secrets_with_values  # noqa: E402

PACKAGE, VERSION = "kingfisher-bin", "1.112.0"
WHEEL = "kingfisher_bin-1.112.0-py3-none-manylinux_2_17_x86_64.musllinux_1_2_x86_64.whl"
WHEEL_SHA256 = "b4e95a485435d1d11fa4108be5b66038979a7d74b4ae55d5c3fc81248ce19b88"
BINARY = "kingfisher/bin/kingfisher"
CACHE = ROOT / ".bench" / "kingfisher"


class Unavailable(Exception):
    """The pinned set cannot be had on this machine (another platform, no registry)."""


def _wheel(download: Path) -> Path:
    """The pinned wheel, downloaded by pip with its hash required, and checked again here."""
    if platform.system() != "Linux" or platform.machine() not in ("x86_64", "AMD64"):
        raise Unavailable(f"only the x86_64 Linux wheel of {PACKAGE} {VERSION} is pinned "
                          f"(this is {platform.system()} {platform.machine()})")
    path = download / WHEEL
    if not path.is_file():
        download.mkdir(parents=True, exist_ok=True)
        requirement = download / "requirement.txt"
        requirement.write_text(f"{PACKAGE}=={VERSION} --hash=sha256:{WHEEL_SHA256}\n")
        done = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary",
                               ":all:", "--require-hashes", "-r", str(requirement), "-d", str(download)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not path.is_file():
            raise Unavailable(f"pip could not download {PACKAGE}=={VERSION}: {done.stderr.strip()[-400:]}")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise Unavailable(f"{path.name} has sha256 {digest}, pinned {WHEEL_SHA256}")
    return path


def _rules_from(wheel: Path) -> list[dict[str, object]]:
    """Kingfisher's rule list, from its own binary run offline in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="shoal-kingfisher-") as scratch:
        with zipfile.ZipFile(wheel) as archive:
            binary = Path(archive.extract(BINARY, scratch))
        binary.chmod(0o755)
        done = subprocess.run([str(binary), "rules", "list", "--format", "json", "--no-update-check"],
                              capture_output=True, text=True, timeout=120, check=False, cwd=scratch)
    if done.returncode != 0:
        raise Unavailable(f"kingfisher rules list failed: {done.stderr.strip()[-400:]}")
    rules = json.loads(done.stdout)
    if not isinstance(rules, list):
        raise Unavailable("kingfisher rules list printed no list of rules")
    return rules


def _cached(cache: Path) -> list[list[str]]:
    """The cached [rule id, example text, rule name] rows, built on first use."""
    stored = cache / f"examples-{VERSION}.json"
    if not stored.is_file():
        rules = _rules_from(_wheel(cache / "downloads"))
        rows = [[str(rule["id"]), str(text), str(rule.get("name", ""))]
                for rule in rules for text in rule.get("examples") or []]  # type: ignore[attr-defined]
        stored.write_text(json.dumps(rows))
    try:
        rows = json.loads(stored.read_text())
        return [[str(row[0]), str(row[1]), str(row[2]) if len(row) > 2 else ""] for row in rows]
    except (ValueError, TypeError, IndexError, KeyError) as exc:  # cut short or edited by hand: say how to redo it
        raise Unavailable(f"{stored} is not the example list this bench writes ({exc}); delete it to rebuild") from exc


def examples(cache: Path = CACHE) -> list[tuple[str, str]]:
    """(Kingfisher rule id, example text) for every positive example of every built-in rule."""
    return [(rule, text) for rule, text, _name in _cached(cache)]


def rule_names(cache: Path = CACHE) -> dict[str, str]:
    """Kingfisher rule id -> its name ("Azure Tenant ID"), where the cache holds names."""
    return {rule: name for rule, _text, name in _cached(cache) if name}


# Rules that label where or who rather than a credential: ids, URLs, hosts, user names, regions.
_IDENTIFIER_RULE = re.compile(r"(?i)\b(?:ids?|url|uri|host(?:name)?|domain|endpoint|user(?:name)?|email|region|"
                              r"project|org(?:anization)?|tenant|subdomain|instance|site|server|name|address|"
                              r"public|publishable|cluster)\b")
_CREDENTIAL_RULE = re.compile(r"(?i)secret|token|key|password|credential")
_TOKENISH = re.compile(rb"[A-Za-z0-9+/=_\-.:~]{12,}")


def is_credential_rule(name: str) -> bool:
    return not _IDENTIFIER_RULE.search(name) or _CREDENTIAL_RULE.search(name) is not None


def visibly_made_up(text: str) -> bool:
    """The example's longest token-like run is one Shoal drops as a stand-in: a sequence
    (`abcdef123456`), a run of one character, a marker word, too few distinct characters."""
    runs = sorted(_TOKENISH.findall(text.encode()), key=len)
    return bool(runs) and looks_fake_token(runs[-1])


def credential_line(pairs: list[tuple[str, str]], names: dict[str, str]) -> str:
    """Recall over the examples of rules that name a credential, and over those not made up."""
    hits = [(bool(scan_secrets_with_values("sample.txt", (text + "\n").encode())), text)
            for rule, text in pairs if is_credential_rule(names.get(rule, ""))]
    found = sum(hit for hit, _ in hits)
    made_up = sum(visibly_made_up(text) for hit, text in hits if not hit)
    rest = len(hits) - made_up
    return (f"credential rules only ({len(hits)} examples; rules naming an id, URL, host, user or region left out): "
            f"recall {found / len(hits):.1%}; {made_up} of the missed are visibly made up (a sequence, a run, a marker"
            f" word), which Shoal drops on purpose: recall on the other {rest}: {found / rest:.1%}")


_VALUE_RUN = re.compile(r"[A-Za-z0-9+/_\-.:~]{12,}={0,2}")


def example_values(pairs: list[tuple[str, str]], names: dict[str, str]) -> list[tuple[str, str]]:
    """(rule name, value) for each distinct value of the credential rules' examples: the longest
    token-like run of the example, leaving out URLs and visibly made-up values."""
    seen: set[tuple[str, str]] = set()
    values = []
    for rule, text in pairs:
        name = names.get(rule, "")
        runs = sorted(_VALUE_RUN.findall(text), key=len)
        if not name or not is_credential_rule(name) or not runs:
            continue
        value = runs[-1]
        if "://" in value or looks_fake_token(value.encode()) or (rule, value) in seen:
            continue
        seen.add((rule, value))
        values.append((name, value))
    return values


def _reports(text: str, value: str) -> bool:
    raw = value.encode()
    return any(raw in found or found in raw for _, found in scan_secrets_with_values("app/main.py", (text + "\n").encode()))


def _shape_of(value: str) -> str:
    """A missed value described without printing it: its length and alphabet."""
    alphabet = ("hex" if re.fullmatch(r"[0-9a-fA-F]+", value) else
                "base64" if re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", value) else "token")
    return f"{len(value)} chars, {alphabet}"


def shapes_line(pairs: list[tuple[str, str]], names: dict[str, str], show_misses: bool = False) -> str:
    """The issue's held-out shapes, with Kingfisher's values: each assigned to a name made from
    its rule (`CLARIFAI_API_KEY = "..."`), and bare in `client = Client("...")` with no import.
    Asked, the misses follow: the name, which shape missed, and the value's length and alphabet."""
    values = example_values(pairs, names)
    if not values:
        return "values in the issue's shapes: no credential examples with names in the cache"
    named = bare = 0
    misses = []
    for name, value in values:
        variable = re.sub(r"[^A-Za-z0-9]+", "_", re.sub(r"\(.*?\)", "", name)).strip("_").upper()
        named_hit = _reports(f'{variable} = "{value}"', value)
        bare_hit = _reports(f'client = Client("{value}")', value)
        named, bare = named + named_hit, bare + bare_hit
        if not (named_hit and bare_hit):
            shape = "both" if not (named_hit or bare_hit) else "named" if bare_hit else "bare"
            misses.append(f"  {variable} ({shape} missed; {_shape_of(value)})")
    size = len(values)
    line = (f"their {size} distinct credential values in the issue's two shapes: recall {(named + bare) / 2 / size:.1%} "
            f"(assigned to the rule's name {named / size:.1%}, bare in Client(\"...\") with no import {bare / size:.1%})")
    if show_misses:
        line += f"\nshape misses ({len(misses)} values):\n" + "\n".join(sorted(misses))
    return line


def provider(rule_id: str) -> str:
    """`kingfisher.aws.2` -> `aws`: the rule's provider family."""
    parts = rule_id.split(".")
    return parts[1] if len(parts) > 2 else rule_id


def score(pairs: list[tuple[str, str]]) -> tuple[int, int, dict[str, list[bool]]]:
    """(examples, found, provider -> found per example)."""
    by_provider: dict[str, list[bool]] = collections.defaultdict(list)
    found = 0
    for rule, text in pairs:
        hit = bool(scan_secrets_with_values("sample.txt", (text + "\n").encode()))
        by_provider[provider(rule)].append(hit)
        found += hit
    return len(pairs), found, by_provider


def report(show_misses: bool = False) -> str:
    """The figures line (and, asked, the providers none of whose examples is found)."""
    try:
        pairs = examples()
    except Unavailable as exc:
        return f"independent set (Kingfisher {VERSION} rule examples): not measured: {exc}"
    total, found, by_provider = score(pairs)
    covered = sum(any(hits) for hits in by_provider.values())
    line = (f"independent set, Kingfisher {VERSION}'s rule examples ({len({r for r, _ in pairs})} rules, "
            f"{len(by_provider)} providers): recall {found / total:.1%} ({found}/{total} examples); "
            f"providers with an example found {covered}/{len(by_provider)} ({covered / len(by_provider):.1%})")
    names = rule_names()
    if show_misses:
        missed = sorted(name for name, hits in by_provider.items() if not any(hits))
        line += "\nproviders with no example found: " + ", ".join(missed)
    if names:
        # The shapes figure ends the report (its misses, when asked, after it): the docs quote it.
        line += "\n" + credential_line(pairs, names) + "\n" + shapes_line(pairs, names, show_misses)
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-misses", action="store_true", help="list the providers with no example found and the values the issue's shapes miss")
    print(report(parser.parse_args().show_misses))


if __name__ == "__main__":
    main()
