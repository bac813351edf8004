"""boto3 through the seed notes' S3 flows: a public static website after turning off Block Public Access, a
lifecycle rule expiring objects as the emulator clock moves, replication, SSE-C with a wrong key, object lock refusing
a delete, ACL grants, CORS, server access logs, account-level Block Public Access (S3 Control) and the event
notifications recorded at /_cloudjar/s3/events.

Run (the kit on PYTHONPATH): PYTHONPATH=emulator-core/src/test/resources/cloudjar/pytest \
    CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q -p cloudjar_pytest test_s3_bucket_features_boto3.py
"""
import base64
import hashlib
import json
import os
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from botocore.exceptions import ClientError
from cloudjar_pytest import resolve_localhost_to_loopback

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
DAY = 24 * 3600
ACCOUNT = "000000000000"

resolve_localhost_to_loopback()


@pytest.fixture(scope="module")
def s3():
    return boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test")


@pytest.fixture(scope="module")
def s3control():
    return boto3.client("s3control", endpoint_url=ENDPOINT.replace("127.0.0.1", "localhost"), region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")


def new_bucket(s3, prefix, versioned=False):
    name = f"{prefix}-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=name)
    if versioned:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name


def anonymous_get(path):
    """(status, body) of an unsigned GET, as a browser or curl sends it."""
    try:
        with urllib.request.urlopen(ENDPOINT + path, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def error_code(call):
    with pytest.raises(ClientError) as e:
        call()
    return e.value.response["Error"]["Code"]


def public_read_policy(bucket):
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{bucket}/*"}]})


def test_static_website_is_public_only_after_block_public_access_is_turned_off(s3):
    site = new_bucket(s3, "site")
    assert error_code(lambda: s3.put_bucket_policy(Bucket=site, Policy=public_read_policy(site))) == "AccessDenied"
    s3.put_public_access_block(Bucket=site, PublicAccessBlockConfiguration={
        "BlockPublicAcls": False, "IgnorePublicAcls": False, "BlockPublicPolicy": False, "RestrictPublicBuckets": False})
    s3.put_bucket_policy(Bucket=site, Policy=public_read_policy(site))
    assert s3.get_bucket_policy_status(Bucket=site)["PolicyStatus"]["IsPublic"] is True
    s3.put_bucket_website(Bucket=site, WebsiteConfiguration={
        "IndexDocument": {"Suffix": "index.html"}, "ErrorDocument": {"Key": "error.html"}})
    s3.put_object(Bucket=site, Key="index.html", Body=b"<h1>home</h1>", ContentType="text/html")
    s3.put_object(Bucket=site, Key="error.html", Body=b"<h1>oops</h1>", ContentType="text/html")
    s3.put_object(Bucket=site, Key="docs/index.html", Body=b"docs", ContentType="text/html")

    assert anonymous_get(f"/_cloudjar/website/{site}/") == (200, "<h1>home</h1>")
    assert anonymous_get(f"/_cloudjar/website/{site}/docs/") == (200, "docs")
    assert anonymous_get(f"/_cloudjar/website/{site}/missing.html") == (404, "<h1>oops</h1>")
    assert anonymous_get(f"/{site}/index.html") == (200, "<h1>home</h1>")

    private = new_bucket(s3, "private")
    s3.put_object(Bucket=private, Key="secret.txt", Body=b"s")
    assert anonymous_get(f"/{private}/secret.txt")[0] == 403


def test_lifecycle_rule_expires_objects_when_the_clock_passes_their_days(s3, clock):
    logs = new_bucket(s3, "logs")
    s3.put_bucket_lifecycle_configuration(Bucket=logs, LifecycleConfiguration={"Rules": [{
        "ID": "expire-logs", "Status": "Enabled", "Filter": {"Prefix": "logs/"}, "Expiration": {"Days": 7},
        "Transitions": [{"Days": 1, "StorageClass": "GLACIER"}]}]})
    assert s3.get_bucket_lifecycle_configuration(Bucket=logs)["Rules"][0]["ID"] == "expire-logs"
    s3.put_object(Bucket=logs, Key="logs/app.log", Body=b"line\n" * 40000)  # S3 transitions nothing under 128 KiB
    s3.put_object(Bucket=logs, Key="keep.txt", Body=b"k")

    clock.advance(2 * DAY)
    assert s3.head_object(Bucket=logs, Key="logs/app.log")["StorageClass"] == "GLACIER"
    clock.advance(7 * DAY)
    assert error_code(lambda: s3.get_object(Bucket=logs, Key="logs/app.log")) == "NoSuchKey"
    assert s3.get_object(Bucket=logs, Key="keep.txt")["Body"].read() == b"k"


def test_replication_lands_new_versions_in_the_destination(s3, clock):
    source = new_bucket(s3, "repl-src", versioned=True)
    target = new_bucket(s3, "repl-dst", versioned=True)
    s3.put_bucket_replication(Bucket=source, ReplicationConfiguration={
        "Role": "arn:aws:iam::000000000000:role/replication",
        "Rules": [{"ID": "all", "Priority": 1, "Status": "Enabled", "Filter": {"Prefix": ""},
                   "DeleteMarkerReplication": {"Status": "Disabled"}, "Destination": {"Bucket": f"arn:aws:s3:::{target}"}}]})
    version = s3.put_object(Bucket=source, Key="report.csv", Body=b"a,b")["VersionId"]
    assert s3.head_object(Bucket=source, Key="report.csv")["ReplicationStatus"] == "PENDING"
    clock.advance(1)
    assert s3.head_object(Bucket=source, Key="report.csv")["ReplicationStatus"] == "COMPLETED"
    replica = s3.head_object(Bucket=target, Key="report.csv")
    assert replica["ReplicationStatus"] == "REPLICA"
    assert replica["VersionId"] == version


def test_sse_c_needs_the_key_it_was_written_with(s3):
    bucket = new_bucket(s3, "ssec")
    key, other = os.urandom(32), os.urandom(32)
    assert error_code(lambda: s3.put_object(Bucket=bucket, Key="k", Body=b"x", SSECustomerAlgorithm="AES256",
                                            SSECustomerKey=key)) == "AccessDenied"
    s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={"Rules": [{
        "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}, "BlockedEncryptionTypes": {"EncryptionType": ["NONE"]}}]})
    put = s3.put_object(Bucket=bucket, Key="k", Body=b"secret", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
    assert put["SSECustomerKeyMD5"] == base64.b64encode(hashlib.md5(key).digest()).decode()
    assert s3.get_object(Bucket=bucket, Key="k", SSECustomerAlgorithm="AES256", SSECustomerKey=key)["Body"].read() == b"secret"
    assert error_code(lambda: s3.get_object(Bucket=bucket, Key="k", SSECustomerAlgorithm="AES256",
                                            SSECustomerKey=other)) == "AccessDenied"
    assert error_code(lambda: s3.get_object(Bucket=bucket, Key="k")) == "InvalidRequest"


def test_event_notifications_are_recorded_for_their_destination(s3):
    bucket = new_bucket(s3, "events")
    queue = "arn:aws:sqs:us-east-1:000000000000:uploads"
    s3.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration={"QueueConfigurations": [{
        "Id": "uploads", "QueueArn": queue, "Events": ["s3:ObjectCreated:*"]}]})
    etag = s3.put_object(Bucket=bucket, Key="in/photo.jpg", Body=b"jpg")["ETag"].strip('"')
    with urllib.request.urlopen(f"{ENDPOINT}/_cloudjar/s3/events?bucket={bucket}", timeout=30) as answer:
        events = json.load(answer)["Events"]
    created = [e for e in events if "Records" in e["Message"]]
    assert [e["Destination"] for e in created] == [queue]
    record = created[0]["Message"]["Records"][0]
    assert record["eventName"] == "ObjectCreated:Put"
    assert record["s3"]["bucket"]["name"] == bucket
    assert record["s3"]["object"]["key"] == "in/photo.jpg"
    assert record["s3"]["object"]["eTag"] == etag


def test_account_block_public_access_refuses_a_public_policy_the_bucket_allows(s3, s3control):
    with pytest.raises(ClientError) as missing:
        s3control.get_public_access_block(AccountId=ACCOUNT)
    assert missing.value.response["Error"]["Code"] == "NoSuchPublicAccessBlockConfiguration"
    bucket = new_bucket(s3, "acct-pab")
    s3.delete_public_access_block(Bucket=bucket)
    s3control.put_public_access_block(AccountId=ACCOUNT, PublicAccessBlockConfiguration={"BlockPublicPolicy": True})
    try:
        assert s3control.get_public_access_block(AccountId=ACCOUNT)["PublicAccessBlockConfiguration"]["BlockPublicPolicy"]
        assert error_code(lambda: s3.put_bucket_policy(Bucket=bucket, Policy=public_read_policy(bucket))) == "AccessDenied"
    finally:
        s3control.delete_public_access_block(AccountId=ACCOUNT)
    s3.put_bucket_policy(Bucket=bucket, Policy=public_read_policy(bucket))


def test_object_lock_refuses_deleting_a_retained_version(s3):
    bucket = f"locked-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=bucket, ObjectLockEnabledForBucket=True)
    s3.put_object_lock_configuration(Bucket=bucket, ObjectLockConfiguration={
        "ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "GOVERNANCE", "Days": 1}}})
    version = s3.put_object(Bucket=bucket, Key="contract.pdf", Body=b"pdf")["VersionId"]
    assert s3.get_object_retention(Bucket=bucket, Key="contract.pdf", VersionId=version)["Retention"]["Mode"] == "GOVERNANCE"
    assert error_code(lambda: s3.delete_object(Bucket=bucket, Key="contract.pdf", VersionId=version)) == "AccessDenied"
    s3.delete_object(Bucket=bucket, Key="contract.pdf", VersionId=version, BypassGovernanceRetention=True)


def test_acl_grants_let_everyone_read_one_object(s3):
    bucket = f"acls-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=bucket, ObjectOwnership="BucketOwnerPreferred")
    s3.put_object(Bucket=bucket, Key="shared.txt", Body=b"shared")
    s3.put_object(Bucket=bucket, Key="private.txt", Body=b"private")
    assert error_code(lambda: s3.put_object_acl(Bucket=bucket, Key="shared.txt", ACL="public-read")) == "AccessDenied"
    s3.delete_public_access_block(Bucket=bucket)
    s3.put_object_acl(Bucket=bucket, Key="shared.txt", ACL="public-read")
    grants = s3.get_object_acl(Bucket=bucket, Key="shared.txt")["Grants"]
    assert any(g["Grantee"].get("URI") == "http://acs.amazonaws.com/groups/global/AllUsers" and g["Permission"] == "READ"
               for g in grants)
    assert anonymous_get(f"/{bucket}/shared.txt") == (200, "shared")
    assert anonymous_get(f"/{bucket}/private.txt")[0] == 403


def test_cors_rules_answer_a_browser_preflight(s3):
    bucket = new_bucket(s3, "cors")
    s3.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": [{
        "AllowedOrigins": ["https://app.example.com"], "AllowedMethods": ["GET", "PUT"], "AllowedHeaders": ["*"],
        "MaxAgeSeconds": 600}]})
    preflight = urllib.request.Request(f"{ENDPOINT}/{bucket}/upload.bin", method="OPTIONS", headers={
        "Origin": "https://app.example.com", "Access-Control-Request-Method": "PUT"})
    with urllib.request.urlopen(preflight, timeout=30) as answer:
        assert answer.status == 200
        assert answer.headers["Access-Control-Allow-Origin"] == "https://app.example.com"
        assert "PUT" in answer.headers["Access-Control-Allow-Methods"]
    refused = urllib.request.Request(f"{ENDPOINT}/{bucket}/upload.bin", method="OPTIONS", headers={
        "Origin": "https://evil.example.com", "Access-Control-Request-Method": "PUT"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(refused, timeout=30)
    assert e.value.code == 403


def test_server_access_logs_land_in_the_target_bucket(s3, clock):
    source = new_bucket(s3, "logged")
    target = new_bucket(s3, "logs-target")
    s3.put_bucket_logging(Bucket=source, BucketLoggingStatus={"LoggingEnabled": {
        "TargetBucket": target, "TargetPrefix": "access/"}})
    s3.put_object(Bucket=source, Key="page.html", Body=b"<p>")
    s3.get_object(Bucket=source, Key="page.html")
    clock.advance(120)
    s3.list_objects_v2(Bucket=source)  # the next call delivers the batch
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=target, Prefix="access/").get("Contents", [])]
    assert len(keys) == 1
    lines = s3.get_object(Bucket=target, Key=keys[0])["Body"].read().decode().splitlines()
    assert any(f" {source} " in line and "REST.PUT.OBJECT page.html" in line and " 200 " in line for line in lines)
    assert any("REST.GET.OBJECT page.html" in line for line in lines)
