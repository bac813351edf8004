"""Smoke tests that drive Cloudjar with boto3.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_boto3_smoke.py
(ScriptedClientsTest runs this against an in-process server during `mvn test`.)
"""
import hashlib
import os
import uuid

import boto3
import pytest
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
MB = 1024 * 1024


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    # Keep the developer's ~/.aws out of the picture.
    empty = tmp_path_factory.mktemp("aws-home") / "none"
    empty.write_text("")
    os.environ["AWS_CONFIG_FILE"] = str(empty)
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = str(empty)
    os.environ.pop("AWS_PROFILE", None)
    return boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")


@pytest.fixture(scope="module")
def client(session):
    def make(service):
        return session.client(service, endpoint_url=ENDPOINT, config=Config(retries={"max_attempts": 1}))

    return make


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def error_of(excinfo):
    response = excinfo.value.response
    return response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]


@pytest.fixture
def bucket(client):
    s3 = client("s3")
    name = unique("boto-bucket")
    s3.create_bucket(Bucket=name)
    yield name
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=name):
        for obj in page.get("Contents", []):
            s3.delete_object(Bucket=name, Key=obj["Key"])
    s3.delete_bucket(Bucket=name)


def test_sts_get_caller_identity(client):
    ident = client("sts").get_caller_identity()
    assert ident["Account"] == "000000000000"
    assert ident["Arn"] == "arn:aws:iam::000000000000:root"


def test_iam_user_lifecycle(client):
    iam = client("iam")
    name = unique("boto-user")
    created = iam.create_user(UserName=name)["User"]
    assert created["Arn"] == f"arn:aws:iam::000000000000:user/{name}"
    with pytest.raises(ClientError) as e:
        iam.create_user(UserName=name)
    assert error_of(e) == ("EntityAlreadyExists", 409)
    assert iam.get_user(UserName=name)["User"]["UserId"] == created["UserId"]
    assert name in [u["UserName"] for u in iam.list_users()["Users"]]
    iam.delete_user(UserName=name)
    with pytest.raises(ClientError) as e:
        iam.get_user(UserName=name)
    assert error_of(e) == ("NoSuchEntity", 404)


def test_ec2_vpc_lifecycle_and_regions(client):
    ec2 = client("ec2")
    assert "us-east-1" in [r["RegionName"] for r in ec2.describe_regions()["Regions"]]
    vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    vpcs = ec2.describe_vpcs(VpcIds=[vpc_id])["Vpcs"]
    assert [(v["VpcId"], v["CidrBlock"]) for v in vpcs] == [(vpc_id, "10.0.0.0/16")]
    ec2.delete_vpc(VpcId=vpc_id)
    with pytest.raises(ClientError) as e:
        ec2.describe_vpcs(VpcIds=["vpc-00000000000000000"])
    assert error_of(e) == ("InvalidVpcID.NotFound", 400)


def _send_checksums_as(s3, location):
    """Over https boto3 sends PutObject/UploadPart bodies as aws-chunked with an x-amz-checksum-crc32 trailer
    (STREAMING-UNSIGNED-PAYLOAD-TRAILER); over plain http it puts the checksum in a header. "trailer" forces the
    https behaviour. Returns the list that collects the headers sent for each upload."""
    sent = []

    def move_checksum(params, **kwargs):
        algorithm = params.get("context", {}).get("checksum", {}).get("request_algorithm")
        if algorithm:
            algorithm["in"] = location

    for op in ("PutObject", "UploadPart"):
        s3.meta.events.register(f"before-call.s3.{op}", move_checksum)
        s3.meta.events.register(f"before-send.s3.{op}", lambda request, **kw: sent.append(request.headers))
    return sent


@pytest.mark.parametrize("checksum", ["header", "trailer"])
def test_s3_put_get_round_trip(client, bucket, checksum):
    s3 = client("s3")
    sent = _send_checksums_as(s3, checksum)
    body = os.urandom(100 * 1024) + "é✓".encode()
    put = s3.put_object(Bucket=bucket, Key="round/trip.bin", Body=body, ContentType="application/x-test")
    assert (sent[0].get("Content-Encoding") == b"aws-chunked") == (checksum == "trailer")
    # get_object validates the returned x-amz-checksum-crc32 against the body (response_checksum_validation).
    got = s3.get_object(Bucket=bucket, Key="round/trip.bin")
    assert got["Body"].read() == body
    assert got["ContentLength"] == len(body)
    assert got["ContentType"] == "application/x-test"
    assert got["ETag"] == put["ETag"] == '"%s"' % hashlib.md5(body).hexdigest()
    assert got["ChecksumCRC32"] == put["ChecksumCRC32"]
    assert s3.head_object(Bucket=bucket, Key="round/trip.bin")["ContentLength"] == len(body)
    ranged = s3.get_object(Bucket=bucket, Key="round/trip.bin", Range="bytes=10-19")
    assert ranged["Body"].read() == body[10:20]


@pytest.mark.parametrize("checksum", ["header", "trailer"])
def test_s3_upload_download_file_multipart(client, bucket, tmp_path, checksum):
    s3 = client("s3")
    sent = _send_checksums_as(s3, checksum)
    src, back = tmp_path / "big.bin", tmp_path / "back.bin"
    src.write_bytes(os.urandom(20 * MB))
    config = TransferConfig(multipart_threshold=5 * MB, multipart_chunksize=5 * MB, max_concurrency=4)
    s3.upload_file(str(src), bucket, "big.bin", Config=config)
    assert len(sent) == 4  # four 5 MB parts
    assert s3.head_object(Bucket=bucket, Key="big.bin")["ContentLength"] == 20 * MB
    s3.download_file(bucket, "big.bin", str(back), Config=config)
    assert back.read_bytes() == src.read_bytes()


def test_s3_list_objects_v2_prefix_delimiter(client, bucket):
    s3 = client("s3")
    for key in ["a/1.txt", "a/2.txt", "a/sub/3.txt", "b/4.txt", "top.txt"]:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    root = s3.list_objects_v2(Bucket=bucket, Delimiter="/")
    assert [o["Key"] for o in root["Contents"]] == ["top.txt"]
    assert [p["Prefix"] for p in root["CommonPrefixes"]] == ["a/", "b/"]
    under_a = s3.list_objects_v2(Bucket=bucket, Prefix="a/", Delimiter="/")
    assert [o["Key"] for o in under_a["Contents"]] == ["a/1.txt", "a/2.txt"]
    assert [p["Prefix"] for p in under_a["CommonPrefixes"]] == ["a/sub/"]
    assert under_a["KeyCount"] == 3
    assert s3.list_objects_v2(Bucket=bucket, Prefix="a/")["KeyCount"] == 3
    assert bucket in [b["Name"] for b in s3.list_buckets()["Buckets"]]


def test_s3_errors(client, bucket):
    s3 = client("s3")
    with pytest.raises(ClientError) as e:
        s3.get_object(Bucket=bucket, Key="missing")
    assert error_of(e) == ("NoSuchKey", 404)
    with pytest.raises(ClientError) as e:
        s3.list_objects_v2(Bucket=unique("no-such-bucket"))
    assert error_of(e) == ("NoSuchBucket", 404)
    with pytest.raises(ClientError) as e:
        s3.put_object(Bucket=unique("no-such-bucket"), Key="k", Body=b"x")
    assert error_of(e) == ("NoSuchBucket", 404)


def test_lightsail_get_bundles(client):
    assert any(b["price"] == 3.5 for b in client("lightsail").get_bundles()["bundles"])


def test_rds_describe_db_engine_versions(client):
    versions = client("rds").describe_db_engine_versions(Engine="postgres")["DBEngineVersions"]
    assert versions and all(v["Engine"] == "postgres" for v in versions)
