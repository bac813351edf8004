"""boto3 sends ids, ARNs and keys holding characters XML 1.0 forbids; every answer must parse.

Before the fix botocore failed with "Unable to parse response ... invalid XML received" (a raw NUL in the
error message); now each call fails with the service's own error, the character shown as U+FFFD, and S3
listings with encoding-type=url (botocore's default) give the key back exactly.
Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_xml_forbidden_chars.py
"""
import os
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    empty = tmp_path_factory.mktemp("aws-home") / "none"
    empty.write_text("")
    os.environ["AWS_CONFIG_FILE"] = str(empty)
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = str(empty)
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
    return lambda service: session.client(service, endpoint_url=ENDPOINT, config=Config(retries={"max_attempts": 1}))


def error(call, **params):
    with pytest.raises(ClientError) as excinfo:
        call(**params)
    return excinfo.value.response["Error"]


def test_ec2_vpc_id_with_a_nul(client):
    err = error(client("ec2").describe_vpc_attribute, VpcId="vpc-\x00x", Attribute="enableDnsSupport")
    assert err["Code"] == "InvalidVpcID.NotFound"
    assert "vpc-\ufffdx" in err["Message"]


def test_iam_arns_with_control_characters(client):
    iam = client("iam")
    err = error(iam.get_policy, PolicyArn="arn:aws:iam::000000000000:policy/a\x01b")
    assert err["Code"] == "NoSuchEntity" and "a\ufffdb" in err["Message"]
    err = error(iam.get_saml_provider, SAMLProviderArn="arn:aws:iam::000000000000:saml-provider/a\x00b")
    assert err["Code"] == "NoSuchEntity"
    assert error(iam.list_policies, Marker="a\x00b")["Code"] == "ValidationError"


def test_s3_keys_with_control_characters(client):
    s3 = client("s3")
    bucket = f"xml-chars-{uuid.uuid4().hex[:10]}"
    s3.create_bucket(Bucket=bucket)
    err = error(s3.get_object_tagging, Bucket=bucket, Key="a\x00b")
    assert err["Code"] == "NoSuchKey"
    s3.put_object(Bucket=bucket, Key="k\x01y", Body=b"body")
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]] == ["k\x01y"]
    s3.delete_object(Bucket=bucket, Key="k\x01y")
    s3.delete_bucket(Bucket=bucket)
