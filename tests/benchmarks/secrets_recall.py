"""Benchmark: recall of the secret detectors on credentials generated from each data-file
detector's format, half assigned to a name derived from the provider, half bare in a call, and
the share of decoys (commit hashes, digests, UUIDs, base64 blobs under ordinary names) flagged.

Values are drawn with other seeds than the tests', and the names come from the provider, not the
detector's keywords; still, formats and detectors share one author: this measures coverage of
the written formats, not an independent held-out set.

    python tests/benchmarks/secrets_recall.py [--per-format 4]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import random
import re
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shoal.secrets.scanner import scan_secrets_with_values  # noqa: E402
from tests.unit.test_secret_detectors import SPECS, generate  # noqa: E402

TEMPLATE_ONLY = {"jwt", "private-key", "connection-password", "generic"}  # need their own context


def name_of(provider: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", provider).strip("_").upper() + "_API_KEY"


def found(path: str, line: str, value: str) -> bool:
    return any(value.encode() in v or v in value.encode()
               for _, v in scan_secrets_with_values(path, (line + "\n").encode()))


def decoys(rng: random.Random, count: int) -> list[str]:
    makers = [
        lambda: f'COMMIT = "{hashlib.sha1(rng.randbytes(8)).hexdigest()}"',
        lambda: f'checksum = "{hashlib.sha256(rng.randbytes(8)).hexdigest()}"',
        lambda: f'request_id = "{uuid.UUID(int=rng.getrandbits(128))}"',
        lambda: f'etag = "{base64.b64encode(rng.randbytes(30)).decode()}"',
        lambda: f'Revision("{hashlib.md5(rng.randbytes(8)).hexdigest()}")',
        lambda: f'image = "sha256:{hashlib.sha256(rng.randbytes(8)).hexdigest()}"',
        lambda: f'nonce = "{base64.urlsafe_b64encode(rng.randbytes(24)).decode()}"',
        lambda: f'font_id = "{"".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32))}"',
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-format", type=int, default=4, help="values per format (half named, half bare)")
    args = parser.parse_args()
    named = bare = named_hit = bare_hit = 0
    bare_possible = bare_possible_hit = 0
    missed: list[str] = []
    for spec in SPECS:
        if spec.get("extract", "token") in TEMPLATE_ONLY or "pattern" in spec:
            continue
        for seed in range(100, 100 + args.per_format):
            value = generate(spec, seed)
            if seed % 2 == 0:
                named += 1
                hit = found("app/config.py", f'{name_of(spec["provider"])} = "{value}"', value)
                named_hit += hit
            else:
                bare += 1
                hit = found("app/client.py", f'client = Client("{value}")', value)
                bare_hit += hit
                if spec.get("context") != "named":
                    bare_possible += 1
                    bare_possible_hit += hit
            if not hit and not (seed % 2 and spec.get("context") == "named"):
                missed.append(spec["id"])
    lines = decoys(random.Random(7), 400)
    flagged = sum(bool(scan_secrets_with_values("app/data.py", (line + "\n").encode())) for line in lines)
    total, hits = named + bare, named_hit + bare_hit
    print(f"{len(SPECS)} detectors; {total} generated credentials: recall {hits / total:.1%} "
          f"(named {named_hit / named:.1%}, bare {bare_hit / bare:.1%}; bare in self-identifying formats "
          f"{bare_possible_hit / bare_possible:.1%}); decoys flagged {flagged}/{len(lines)} ({flagged / len(lines):.1%})")
    if missed:
        print("missed:", ", ".join(sorted(set(missed))))


if __name__ == "__main__":
    main()
