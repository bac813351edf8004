"""IAM enforced (ENFORCE_IAM=1) as a boto3 user meets it: a user with AWS's AmazonS3ReadOnlyAccess reads and may not
write; EC2 refuses with an encoded message that STS decodes for the root; a bucket policy grants another user;
an unknown key and a wrong secret are refused; GetCallerIdentity needs no permission.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_enforced_iam_boto3.py against a server
started with ENFORCE_IAM=1 (EnforcedIamScriptsTest does that during `mvn test`).
"""
import json
import os
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
BUCKET = "enforced-" + uuid.uuid4().hex[:8]


def client(service, key_id="test", secret="test"):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key_id,
                        aws_secret_access_key=secret, config=Config(retries={"max_attempts": 1}))


def error_code(call):
    with pytest.raises(ClientError) as refused:
        call()
    return refused.value.response["Error"]["Code"]


def user(name, *managed):
    iam = client("iam")
    iam.create_user(UserName=name)
    for arn in managed:
        iam.attach_user_policy(UserName=name, PolicyArn=arn)
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return key["AccessKeyId"], key["SecretAccessKey"]


@pytest.fixture(scope="module")
def reader():
    root = client("s3")
    root.create_bucket(Bucket=BUCKET)
    root.put_object(Bucket=BUCKET, Key="doc.txt", Body=b"hello")
    return user("reader-" + uuid.uuid4().hex[:6], "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")


def test_read_only_user_reads_and_may_not_write(reader):
    s3 = client("s3", *reader)
    assert s3.get_object(Bucket=BUCKET, Key="doc.txt")["Body"].read() == b"hello"
    assert error_code(lambda: s3.put_object(Bucket=BUCKET, Key="new.txt", Body=b"x")) == "AccessDenied"
    assert error_code(lambda: s3.delete_object(Bucket=BUCKET, Key="doc.txt")) == "AccessDenied"


def test_ec2_denial_decodes_for_the_root(reader):
    with pytest.raises(ClientError) as refused:
        client("ec2", *reader).describe_vpcs()
    assert refused.value.response["Error"]["Code"] == "UnauthorizedOperation"
    encoded = refused.value.response["Error"]["Message"].split("Encoded authorization failure message: ")[1]
    decoded = json.loads(client("sts").decode_authorization_message(EncodedMessage=encoded)["DecodedMessage"])
    assert decoded["allowed"] is False
    assert decoded["context"]["action"] == "ec2:DescribeVpcs"


def test_bucket_policy_grants_another_user(reader):
    other = user("granted-" + uuid.uuid4().hex[:6])
    s3 = client("s3", *other)
    assert error_code(lambda: s3.get_object(Bucket=BUCKET, Key="doc.txt")) == "AccessDenied"
    arn = client("sts", *other).get_caller_identity()["Arn"]
    client("s3").put_bucket_policy(Bucket=BUCKET, Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": arn}, "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}]}))
    assert s3.get_object(Bucket=BUCKET, Key="doc.txt")["Body"].read() == b"hello"


def test_unknown_key_and_wrong_secret_are_refused(reader):
    assert error_code(lambda: client("sts", "AKIAUNKNOWNKEY000000", "whatever").get_caller_identity()) == "InvalidClientTokenId"
    assert error_code(lambda: client("sts", reader[0], "not-the-secret").get_caller_identity()) == "SignatureDoesNotMatch"
    assert error_code(lambda: client("s3", reader[0], "not-the-secret").list_buckets()) == "SignatureDoesNotMatch"
