"""IAM credential report and the MFA flow with boto3, computing RFC 6238 codes in the test.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_iam_boto3.py
(ScriptedClientsTest runs this against an in-process server during `mvn test`.)
"""
import base64
import csv
import hashlib
import hmac
import io
import os
import struct
import time
import uuid

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
ACCOUNT = "000000000000"


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    empty = tmp_path_factory.mktemp("aws-home") / "none"
    empty.write_text("")
    os.environ["AWS_CONFIG_FILE"] = str(empty)
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = str(empty)
    os.environ.pop("AWS_PROFILE", None)
    return boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")


def client(session, service, **creds):
    return session.client(service, endpoint_url=ENDPOINT, config=Config(retries={"max_attempts": 1}), **creds)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def totp(base32_seed, at):
    """RFC 6238: HMAC-SHA1 over the 30-second step, dynamically truncated to six digits."""
    key = base64.b32decode(base32_seed + "=" * (-len(base32_seed) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{code % 1_000_000:06d}"


def test_credential_report_has_aws_columns_root_and_users(session):
    iam = client(session, "iam")
    user = unique("reported")
    iam.create_user(UserName=user)
    iam.create_login_profile(UserName=user, Password="Str0ng-Passw0rd!")
    iam.create_access_key(UserName=user)
    state = iam.generate_credential_report()["State"]
    while state != "COMPLETE":
        state = iam.generate_credential_report()["State"]
    report = iam.get_credential_report()
    assert report["ReportFormat"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(report["Content"].decode())))
    assert list(rows[0].keys())[:8] == ["user", "arn", "user_creation_time", "password_enabled", "password_last_used",
                                        "password_last_changed", "password_next_rotation", "mfa_active"]
    assert rows[0]["user"] == "<root_account>" and rows[0]["arn"] == f"arn:aws:iam::{ACCOUNT}:root"
    mine = [r for r in rows if r["user"] == user]
    assert mine and mine[0]["password_enabled"] == "true" and mine[0]["access_key_1_active"] == "true"
    assert mine[0]["mfa_active"] == "false"


def test_mfa_device_enable_and_session_token(session):
    iam = client(session, "iam")
    user = unique("mfa")
    iam.create_user(UserName=user)
    key = iam.create_access_key(UserName=user)["AccessKey"]
    device = iam.create_virtual_mfa_device(VirtualMFADeviceName=user)["VirtualMFADevice"]
    serial = device["SerialNumber"]
    assert serial == f"arn:aws:iam::{ACCOUNT}:mfa/{user}"
    seed = device["Base32StringSeed"].decode()
    assert device["QRCodePNG"][:4] == b"\x89PNG"

    with pytest.raises(ClientError) as bad:
        iam.enable_mfa_device(UserName=user, SerialNumber=serial, AuthenticationCode1="000000", AuthenticationCode2="111111")
    assert bad.value.response["Error"]["Code"] == "InvalidAuthenticationCode"
    assert bad.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403

    now = time.time()
    iam.enable_mfa_device(UserName=user, SerialNumber=serial,
                          AuthenticationCode1=totp(seed, now - 60), AuthenticationCode2=totp(seed, now - 30))
    devices = iam.list_mfa_devices(UserName=user)["MFADevices"]
    assert [d["SerialNumber"] for d in devices] == [serial]

    sts = client(session, "sts", aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"])
    creds = sts.get_session_token(SerialNumber=serial, TokenCode=totp(seed, now), DurationSeconds=900)["Credentials"]
    assert creds["AccessKeyId"].startswith("ASIA")
    with_mfa = client(session, "sts", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                      aws_session_token=creds["SessionToken"])
    assert with_mfa.get_caller_identity()["Arn"] == f"arn:aws:iam::{ACCOUNT}:user/{user}"

    iam.generate_credential_report()
    iam.deactivate_mfa_device(UserName=user, SerialNumber=serial)
    iam.delete_virtual_mfa_device(SerialNumber=serial)
    assert iam.list_mfa_devices(UserName=user)["MFADevices"] == []


def test_policy_simulator_explains_its_decision(session):
    iam = client(session, "iam")
    doc = '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}'
    results = iam.simulate_custom_policy(PolicyInputList=[doc], ActionNames=["s3:GetObject", "s3:PutObject"])["EvaluationResults"]
    assert [r["EvalDecision"] for r in results] == ["allowed", "implicitDeny"]
    assert results[0]["MatchedStatements"][0]["SourcePolicyId"] == "PolicyInputList.1"
