"""Signatures of a key Cloudjar issued, as boto3 and the AWS CLI make them: presigned S3 URLs in boto3's default
form (legacy query signature: AWSAccessKeyId, Signature, Expires), SigV4 ('s3v4') and `aws s3 presign`, each
accepted while intact, refused when changed, signed with another secret, or expired on the emulator clock; and
header signatures of both versions.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_signatures_boto3.py
(PresignedScriptsTest runs this against an in-process server during `mvn test`.) The expiry tests move the
emulator clock, so they come last.
"""
import os
import subprocess
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
BUCKET = "signatures-" + uuid.uuid4().hex[:8]


def client(service, key_id="test", secret="test", **config):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key_id,
                        aws_secret_access_key=secret, config=Config(retries={"max_attempts": 1}, **config))


@pytest.fixture(scope="module")
def key():
    iam = client("iam")
    iam.create_user(UserName="presigner")
    iam.attach_user_policy(UserName="presigner", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    issued = iam.create_access_key(UserName="presigner")["AccessKey"]
    s3 = client("s3", issued["AccessKeyId"], issued["SecretAccessKey"])
    s3.create_bucket(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key="doc.txt", Body=b"presigned body")
    s3.put_object(Bucket=BUCKET, Key="other.txt", Body=b"other body")
    return issued


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def presign(key, secret=None, expires=300, **config):
    s3 = client("s3", key["AccessKeyId"], secret or key["SecretAccessKey"], **config)
    return s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "doc.txt"}, ExpiresIn=expires)


VERSIONS = [pytest.param({}, id="boto3-default"), pytest.param({"signature_version": "s3"}, id="sigv2"),
            pytest.param({"signature_version": "s3v4"}, id="sigv4")]


@pytest.mark.parametrize("config", VERSIONS)
def test_presigned_urls_work_while_intact(key, config):
    assert fetch(presign(key, **config)) == (200, "presigned body")


def test_boto3_default_presigned_url_is_the_legacy_signature(key):
    url = presign(key)
    assert "AWSAccessKeyId=" in url and "Signature=" in url and "Expires=" in url


@pytest.mark.parametrize("config", VERSIONS)
def test_a_changed_url_does_not_match_its_signature(key, config):
    status, body = fetch(presign(key, **config).replace("doc.txt", "other.txt"))
    assert status == 403 and "<Code>SignatureDoesNotMatch</Code>" in body


@pytest.mark.parametrize("config", VERSIONS)
def test_a_url_signed_with_another_secret_is_refused(key, config):
    status, body = fetch(presign(key, secret=key["SecretAccessKey"] + "x", **config))
    assert status == 403 and "<Code>SignatureDoesNotMatch</Code>" in body


@pytest.mark.parametrize("version", ["s3", "s3v4"])
def test_header_signatures_of_both_versions_are_verified(key, version):
    good = client("s3", key["AccessKeyId"], key["SecretAccessKey"], signature_version=version)
    assert good.get_object(Bucket=BUCKET, Key="doc.txt")["Body"].read() == b"presigned body"
    good.put_object(Bucket=BUCKET, Key=f"put-{version}.txt", Body=b"x" * 70000)
    bad = client("s3", key["AccessKeyId"], key["SecretAccessKey"] + "x", signature_version=version)
    with pytest.raises(ClientError) as refused:
        bad.put_object(Bucket=BUCKET, Key=f"never-{version}.txt", Body=b"nope")
    assert refused.value.response["Error"]["Code"] == "SignatureDoesNotMatch"
    with pytest.raises(ClientError):
        good.head_object(Bucket=BUCKET, Key=f"never-{version}.txt")


@pytest.mark.parametrize("config", VERSIONS)
def test_presigned_urls_of_session_credentials_carry_their_token(key, config):
    creds = client("sts", key["AccessKeyId"], key["SecretAccessKey"]).get_session_token()["Credentials"]
    s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=creds["AccessKeyId"],
                      aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"],
                      config=Config(retries={"max_attempts": 1}, **config))
    url = s3.generate_presigned_url("get_object", Params={"Bucket": BUCKET, "Key": "doc.txt"}, ExpiresIn=300)
    assert fetch(url) == (200, "presigned body")
    assert fetch(url.replace("doc.txt", "other.txt"))[0] == 403


def test_aws_cli_presign(key, cli_env):
    env = dict(cli_env, AWS_ACCESS_KEY_ID=key["AccessKeyId"], AWS_SECRET_ACCESS_KEY=key["SecretAccessKey"])
    url = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "s3", "presign", f"s3://{BUCKET}/doc.txt",
                          "--expires-in", "300"], env=env, check=True, capture_output=True, text=True).stdout.strip()
    assert fetch(url) == (200, "presigned body")
    assert fetch(url.replace("doc.txt", "other.txt"))[0] == 403


def test_z_expired_urls_are_access_denied(key, clock):
    urls = [presign(key, expires=60, **config) for config in ({}, {"signature_version": "s3"}, {"signature_version": "s3v4"})]
    assert [fetch(url)[0] for url in urls] == [200, 200, 200]
    clock.advance(120)
    for url in urls:
        status, body = fetch(url)
        assert status == 403 and "<Code>AccessDenied</Code>" in body and "Request has expired" in body, url
