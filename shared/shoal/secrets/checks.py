"""Value checks a detector file names (`check: github-crc32`): format rules a regex cannot
express, such as checksums. Each may also repair a value, so tests generate valid samples."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

_BASE62 = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Check:
    valid: Callable[[bytes], bool]
    fix: Callable[[bytes], bytes]  # the value made valid (for generated samples); identity if none


def base62(number: int, width: int) -> bytes:
    digits = bytearray()
    while number:
        number, digit = divmod(number, 62)
        digits.append(_BASE62[digit])
    return bytes(reversed(digits)).rjust(width, b"0")


def _crc32_body(value: bytes) -> bytes:
    # ghp_/npm_ tokens: prefix up to the last underscore, 30 random base62, 6 base62 of their CRC32.
    return value[value.rfind(b"_") + 1:-6]


def crc32_suffix_ok(value: bytes) -> bool:
    """GitHub's token checksum (also npm's): the last 6 characters are the base62 CRC32 of the
    random part, so a typed or truncated token fails it (1 in 4 billion passes by chance)."""
    return value[-6:] == base62(zlib.crc32(_crc32_body(value)), 6)


def crc32_suffix_fix(value: bytes) -> bytes:
    return value[:-6] + base62(zlib.crc32(_crc32_body(value)), 6)


def _not_aws_example(value: bytes) -> bool:
    return not value.endswith(b"EXAMPLE")  # AWS documents key ids like AKIA...EXAMPLE


def _twilio_sid_ok(value: bytes) -> bool:
    # 32 random hex digits mix digits and letters; all of one kind is a counter or filler.
    digits = sum(48 <= c <= 57 for c in value[2:])
    return 0 < digits < 32


def _confluent_crc32(value: bytes) -> bytes:
    # cflt + 54 random characters + the first 6 of the base64 of their CRC32 (little-endian).
    return base64.b64encode(struct.pack("<I", zlib.crc32(value[4:58])))[:6]


def confluent_crc32_ok(value: bytes) -> bool:
    """Confluent Cloud's API secret checksum: a typed or cut secret fails it."""
    return len(value) == 64 and value[58:] == _confluent_crc32(value)


def confluent_crc32_fix(value: bytes) -> bytes:
    return value[:58] + _confluent_crc32(value)


def _same(value: bytes) -> bytes:
    return value


CHECKS: dict[str, Check] = {
    "github-crc32": Check(crc32_suffix_ok, crc32_suffix_fix),
    "not-aws-example": Check(_not_aws_example, _same),
    "mixed-hex": Check(_twilio_sid_ok, _same),
    "confluent-crc32": Check(confluent_crc32_ok, confluent_crc32_fix),
}
