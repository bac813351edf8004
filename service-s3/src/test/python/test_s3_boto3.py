"""boto3 against Cloudjar's S3: threaded multipart transfers, presigned URLs and presigned POST forms.

Run (the kit on PYTHONPATH): PYTHONPATH=emulator-core/src/test/resources/cloudjar/pytest \
    CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q -p cloudjar_pytest test_s3_boto3.py
"""
import hashlib
import os
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError
from cloudjar_pytest import resolve_localhost_to_loopback

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
MB = 1024 * 1024


resolve_localhost_to_loopback()


@pytest.fixture(scope="module", params=["path", "virtual"])
def s3(request):
    # botocore addresses buckets virtual-host style only on host names, so the virtual run uses localhost
    endpoint = ENDPOINT if request.param == "path" else ENDPOINT.replace("127.0.0.1", "localhost")
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test",
                        config=Config(s3={"addressing_style": request.param}, signature_version="s3v4"))


@pytest.fixture
def bucket(s3):
    name = f"boto-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name


def md5(path):
    h = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(MB), b""):
            h.update(chunk)
    return h.hexdigest()


def test_upload_file_with_lowered_threshold_uses_threaded_multipart(s3, bucket, tmp_path):
    src = tmp_path / "data.bin"
    src.write_bytes(os.urandom(23 * MB))
    config = TransferConfig(multipart_threshold=5 * MB, multipart_chunksize=5 * MB, max_concurrency=8, use_threads=True)
    s3.upload_file(str(src), bucket, "nested/data.bin", Config=config, ExtraArgs={"Metadata": {"origin": "boto3"}})
    head = s3.head_object(Bucket=bucket, Key="nested/data.bin")
    assert head["ContentLength"] == 23 * MB
    assert head["ETag"].endswith('-5"')
    assert head["Metadata"] == {"origin": "boto3"}
    back = tmp_path / "back.bin"
    s3.download_file(bucket, "nested/data.bin", str(back), Config=config)
    assert md5(back) == md5(src)


def test_presigned_get_and_put_urls(s3, bucket):
    put_url = s3.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "shared.txt"}, ExpiresIn=600)
    request = urllib.request.Request(put_url, data=b"shared via url", method="PUT")
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
    get_url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "shared.txt"}, ExpiresIn=600)
    with urllib.request.urlopen(get_url) as response:
        assert response.read() == b"shared via url"
    with pytest.raises(urllib.error.HTTPError) as tampered:
        urllib.request.urlopen(get_url.replace("shared.txt", "other.txt"))
    assert tampered.value.code == 403
    assert b"SignatureDoesNotMatch" in tampered.value.read()


def test_presigned_post_form(s3, bucket):
    import requests
    post = s3.generate_presigned_post(bucket, "uploads/${filename}", Fields={"Content-Type": "text/plain"},
                                      Conditions=[{"Content-Type": "text/plain"}, ["content-length-range", 1, 1000]],
                                      ExpiresIn=600)
    ok = requests.post(post["url"], data=post["fields"], files={"file": ("note.txt", b"hello form")})
    assert ok.status_code == 204, ok.text
    got = s3.get_object(Bucket=bucket, Key="uploads/note.txt")
    assert got["Body"].read() == b"hello form"
    assert got["ContentType"] == "text/plain"
    too_big = requests.post(post["url"], data=post["fields"], files={"file": ("big.txt", b"x" * 2000)})
    assert too_big.status_code == 400 and "EntityTooLarge" in too_big.text


def test_errors_have_codes_and_statuses(s3, bucket):
    with pytest.raises(ClientError) as missing:
        s3.get_object(Bucket=bucket, Key="nope")
    assert missing.value.response["Error"]["Code"] == "NoSuchKey"
    assert missing.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    s3.put_object(Bucket=bucket, Key="k", Body=b"0123456789")
    with pytest.raises(ClientError) as bad_range:
        s3.get_object(Bucket=bucket, Key="k", Range="bytes=20-30")
    assert bad_range.value.response["Error"]["Code"] == "InvalidRange"
    assert bad_range.value.response["ResponseMetadata"]["HTTPStatusCode"] == 416
    with pytest.raises(ClientError) as not_empty:
        s3.delete_bucket(Bucket=bucket)
    assert not_empty.value.response["Error"]["Code"] == "BucketNotEmpty"
    assert not_empty.value.response["ResponseMetadata"]["HTTPStatusCode"] == 409
