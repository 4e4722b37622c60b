"""An in-memory S3 behind a real boto3 client: botocore builds and validates every request against
S3's service model as it would for AWS, and this answers it instead of the network (the way
botocore's Stubber short-circuits a call), keeping objects so a put can be read back, listed in
pages and deleted. Only the calls shoal.transfer makes are answered; any other fails the test."""

from __future__ import annotations

import hashlib
import io
import itertools
from dataclasses import dataclass, field
from datetime import datetime, UTC
from typing import Any

import boto3
from botocore.awsrequest import AWSResponse
from botocore.response import StreamingBody


@dataclass
class FakeS3:
    buckets: set[str] = field(default_factory=lambda: {"transfer"})
    objects: dict[tuple[str, str], bytes] = field(default_factory=dict)
    page_size: int = 1000  # ListObjectsV2's MaxKeys default; tests lower it to exercise paging
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    modified: dict[tuple[str, str], datetime] = field(default_factory=dict)  # LastModified, one second apart
    _pending: dict[str, Any] = field(default_factory=dict)
    _clock: Any = field(default_factory=lambda: itertools.count(1_700_000_000))

    def client(self) -> Any:
        client = boto3.client("s3", region_name="us-east-1", aws_access_key_id="test",
                              aws_secret_access_key="test")
        client.meta.events.register("before-parameter-build.s3.*", self._capture)
        client.meta.events.register("before-call.s3.*", self._answer)
        return client

    def _capture(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        captured = dict(params)
        body = captured.get("Body")
        if hasattr(body, "read"):  # read now, before botocore's checksum pass moves the stream
            start = body.tell()
            captured["Body"] = body.read()
            body.seek(start)
        self._pending = captured
        self.calls.append((model.name, {k: v for k, v in captured.items() if k != "Body"}))

    def _answer(self, model: Any, **_: Any) -> tuple[AWSResponse, dict[str, Any]]:
        params, name = self._pending, model.name
        if params.get("Bucket") not in self.buckets:
            return _error(404, "NoSuchBucket", "The specified bucket does not exist")
        handler = getattr(self, f"_{name}", None)
        if handler is None:
            raise AssertionError(f"the fake S3 does not answer {name}")
        return handler(params)

    def _PutObject(self, params: dict[str, Any]) -> tuple[AWSResponse, dict[str, Any]]:
        data = params["Body"] if isinstance(params["Body"], bytes) else bytes(params["Body"] or b"")
        self.objects[(params["Bucket"], params["Key"])] = data
        self.modified[(params["Bucket"], params["Key"])] = datetime.fromtimestamp(next(self._clock), UTC)
        return _ok({"ETag": f'"{hashlib.md5(data).hexdigest()}"'})

    def _GetObject(self, params: dict[str, Any]) -> tuple[AWSResponse, dict[str, Any]]:
        data = self.objects.get((params["Bucket"], params["Key"]))
        if data is None:
            return _error(404, "NoSuchKey", "The specified key does not exist.")
        return _ok({"Body": StreamingBody(io.BytesIO(data), len(data)), "ContentLength": len(data)})

    def _DeleteObject(self, params: dict[str, Any]) -> tuple[AWSResponse, dict[str, Any]]:
        self.objects.pop((params["Bucket"], params["Key"]), None)
        return _ok({}, 204)

    def _ListObjectsV2(self, params: dict[str, Any]) -> tuple[AWSResponse, dict[str, Any]]:
        keys = sorted(k for b, k in self.objects if b == params["Bucket"] and k.startswith(params.get("Prefix", "")))
        start = int(params.get("ContinuationToken") or 0)
        page = keys[start:start + self.page_size]
        more = start + self.page_size < len(keys)
        answer: dict[str, Any] = {
            "Contents": [{"Key": k, "Size": len(self.objects[(params["Bucket"], k)]),
                          **({"LastModified": self.modified[(params["Bucket"], k)]}
                             if (params["Bucket"], k) in self.modified else {})} for k in page],
            "KeyCount": len(page), "IsTruncated": more,
        }
        if more:
            answer["NextContinuationToken"] = str(start + self.page_size)
        return _ok(answer)


def _ok(parsed: dict[str, Any], status: int = 200) -> tuple[AWSResponse, dict[str, Any]]:
    return AWSResponse("https://s3.fake", status, {}, None), {**parsed, "ResponseMetadata": {"HTTPStatusCode": status}}


def _error(status: int, code: str, message: str) -> tuple[AWSResponse, dict[str, Any]]:
    return (AWSResponse("https://s3.fake", status, {}, None),
            {"Error": {"Code": code, "Message": message}, "ResponseMetadata": {"HTTPStatusCode": status}})
