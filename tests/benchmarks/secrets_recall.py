"""Benchmark: recall of the secret detectors on credentials generated from each data-file
detector's format, half assigned to a name derived from the provider, half bare in a call, and
the share of decoys (commit hashes, digests, UUIDs, base64 blobs under ordinary names, also in
files that import a provider's SDK; URLs, model names and ids passed to client-like calls) flagged.

Bare values are passed to `Client("<token>")` in a file that imports the provider's SDK (a module
named after the provider, as SDKs are), the way code that hard-codes a token uses it; the same
call with no import at all is measured apart ("anonymous"): there an unprefixed hex or base62
value has nothing that tells it from any other string, and only self-identifying formats count.

Values are drawn with other seeds than the tests', and names and modules come from the provider,
not the detector's keywords; still, formats and detectors share one author: this measures coverage
of the written formats, not an independent held-out set. The line after it is that held-out set:
Kingfisher's labelled rule examples (`secrets_independent.py`, a pinned PyPI wheel).

    python tests/benchmarks/secrets_recall.py [--per-format 4] [--skip-independent] [--show-misses]
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
from tests.benchmarks import secrets_independent  # noqa: E402
from tests.unit.test_secret_detectors import SPECS, generate  # noqa: E402

TEMPLATE_ONLY = {"jwt", "private-key", "connection-password", "generic"}  # need their own context
SDKS = ["twilio", "datadog", "mailgun", "cloudflare", "zendesk", "algolia", "sendgrid", "pusher", "okta", "linode"]
WORDS = ["staging", "eu-west", "primary", "analytics", "reports", "billing", "mobile", "internal"]


def name_of(provider: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", provider).strip("_").upper() + "_API_KEY"


def module_of(provider: str) -> str:
    """The provider's SDK as code imports it: `Mailgun` -> mailgun, `Azure OpenAI` -> azure_openai."""
    return re.sub(r"[^A-Za-z0-9]+", "_", provider).strip("_").lower()


def bare_in_sdk_code(provider: str, value: str) -> str:
    return f'from {module_of(provider)} import Client\n\nclient = Client("{value}")'


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
        # A provider's SDK imported, and ids, hashes and names passed to its calls.
        lambda: f'from {rng.choice(SDKS)} import Client\nclient.get_commit("{hashlib.sha1(rng.randbytes(8)).hexdigest()}")',
        lambda: f'import {rng.choice(SDKS)}\nrun = Revision("{hashlib.md5(rng.randbytes(8)).hexdigest()}")',
        lambda: f'from {rng.choice(SDKS)} import Client\nclient = Client(region="{uuid.UUID(int=rng.getrandbits(128))}")',
        lambda: f'from {rng.choice(SDKS)} import Client\nclient = Client("{rng.choice(WORDS)}-{rng.choice(WORDS)}")',
        # No import: what code passes to calls named like clients, keys and tokens that is not one.
        lambda: f'client = Client("https://{rng.choice(WORDS)}.example.net/v2/{rng.choice(WORDS)}")',
        lambda: f'owner = models.ForeignKey("{rng.choice(WORDS).title()}{rng.choice(WORDS).title()}Model", models.CASCADE)',
        lambda: f'client = get_client("{hashlib.sha1(rng.randbytes(8)).hexdigest()}")',
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-format", type=int, default=4, help="values per format (half named, half bare)")
    parser.add_argument("--skip-independent", action="store_true", help="leave out Kingfisher's labelled examples")
    parser.add_argument("--show-misses", action="store_true", help="also list the independent set's missed providers")
    args = parser.parse_args()
    counts = {"named": [0, 0], "bare": [0, 0], "anonymous": [0, 0]}
    missed: list[str] = []
    formats = 0
    for spec in SPECS:
        if spec.get("extract", "token") in TEMPLATE_ONLY or "pattern" in spec:
            continue
        formats += 1
        for seed in range(100, 100 + args.per_format):
            value = generate(spec, seed)
            if seed % 2 == 0:
                kind, text = "named", f'{name_of(spec["provider"])} = "{value}"'
            else:
                kind, text = "bare", bare_in_sdk_code(spec["provider"], value)
                anonymous = found("app/client.py", f'client = Client("{value}")', value)
                counts["anonymous"][0] += 1
                counts["anonymous"][1] += anonymous
            hit = found("app/client.py", text, value)
            counts[kind][0] += 1
            counts[kind][1] += hit
            if not hit:
                missed.append(f"{spec['id']} ({kind})")
    lines = decoys(random.Random(7), 480)
    flagged = sum(bool(scan_secrets_with_values("app/data.py", (line + "\n").encode())) for line in lines)
    total = counts["named"][0] + counts["bare"][0]
    hits = counts["named"][1] + counts["bare"][1]

    def share(kind: str) -> str:
        size, hit = counts[kind]
        return f"{hit / size:.1%}"

    print(f"{len(SPECS)} detectors, {formats} generated formats; {total} credentials: recall {hits / total:.1%} "
          f"(named {share('named')}, bare in SDK code {share('bare')}; the same bare call with no import "
          f"{share('anonymous')}); decoys flagged {flagged}/{len(lines)} ({flagged / len(lines):.1%})")
    if missed:
        print("missed:", ", ".join(sorted(set(missed))))
    if not args.skip_independent:
        print(secrets_independent.report(args.show_misses))


if __name__ == "__main__":
    main()
