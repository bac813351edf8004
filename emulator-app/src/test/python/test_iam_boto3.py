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


REPORT_COLUMNS = [
    "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
    "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
    "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
    "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
    "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated",
]


def fresh_account():
    """A 12-digit access key acts as that account's root: a new account has no credential report yet."""
    return str(uuid.uuid4().int % 10**12).zfill(12)


def credential_report(iam):
    state = iam.generate_credential_report()["State"]
    while state != "COMPLETE":
        state = iam.generate_credential_report()["State"]
    report = iam.get_credential_report()
    assert report["ReportFormat"] == "text/csv"
    return list(csv.DictReader(io.StringIO(report["Content"].decode())))


def test_credential_report_has_aws_columns_root_and_users(session):
    account = fresh_account()
    iam = client(session, "iam", aws_access_key_id=account, aws_secret_access_key="test")
    with pytest.raises(ClientError) as missing:
        iam.get_credential_report()
    assert missing.value.response["Error"]["Code"] == "ReportNotPresent"
    assert missing.value.response["ResponseMetadata"]["HTTPStatusCode"] == 410

    user = unique("reported")
    iam.create_user(UserName=user)
    iam.create_login_profile(UserName=user, Password="Str0ng-Passw0rd!")
    key = iam.create_access_key(UserName=user)["AccessKey"]
    client(session, "sts", aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"]).get_caller_identity()
    first = iam.generate_credential_report()
    assert first["State"] == "STARTED"
    rows = credential_report(iam)
    assert list(rows[0].keys()) == REPORT_COLUMNS

    root = rows[0]
    assert root["user"] == "<root_account>" and root["arn"] == f"arn:aws:iam::{account}:root"
    assert {k: root[k] for k in ("password_enabled", "password_last_changed", "password_next_rotation")} == {
        "password_enabled": "not_supported", "password_last_changed": "not_supported", "password_next_rotation": "not_supported"}
    assert root["access_key_1_active"] == "false" and root["cert_1_active"] == "false"

    [mine] = [r for r in rows if r["user"] == user]
    assert mine["arn"] == f"arn:aws:iam::{account}:user/{user}"
    assert mine["password_enabled"] == "true" and mine["password_last_used"] == "no_information"
    assert mine["mfa_active"] == "false"
    assert mine["access_key_1_active"] == "true"
    assert mine["access_key_1_last_used_service"] == "sts" and mine["access_key_1_last_used_region"] == "us-east-1"
    assert mine["access_key_2_active"] == "false" and mine["access_key_2_last_rotated"] == "N/A"
    for column in ("user_creation_time", "password_last_changed", "access_key_1_last_rotated", "access_key_1_last_used_date"):
        assert mine[column].endswith("+00:00") and "T" in mine[column], column


def test_mfa_device_enable_and_session_token(session, clock):
    account = fresh_account()
    iam = client(session, "iam", aws_access_key_id=account, aws_secret_access_key="test")
    user = unique("mfa")
    iam.create_user(UserName=user)
    key = iam.create_access_key(UserName=user)["AccessKey"]
    device = iam.create_virtual_mfa_device(VirtualMFADeviceName=user)["VirtualMFADevice"]
    serial = device["SerialNumber"]
    assert serial == f"arn:aws:iam::{account}:mfa/{user}"
    seed = device["Base32StringSeed"].decode()
    assert len(seed) == 64 and set(seed) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert device["QRCodePNG"][:8] == b"\x89PNG\r\n\x1a\n"

    with pytest.raises(ClientError) as bad:
        iam.enable_mfa_device(UserName=user, SerialNumber=serial, AuthenticationCode1="000000", AuthenticationCode2="111111")
    assert bad.value.response["Error"]["Code"] == "InvalidAuthenticationCode"
    assert bad.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    now = clock.now().timestamp()  # codes for the time the server keeps, not this machine's
    with pytest.raises(ClientError) as not_consecutive:
        iam.enable_mfa_device(UserName=user, SerialNumber=serial,
                              AuthenticationCode1=totp(seed, now - 90), AuthenticationCode2=totp(seed, now - 30))
    assert not_consecutive.value.response["Error"]["Code"] == "InvalidAuthenticationCode"

    iam.enable_mfa_device(UserName=user, SerialNumber=serial,
                          AuthenticationCode1=totp(seed, now - 60), AuthenticationCode2=totp(seed, now - 30))
    devices = iam.list_mfa_devices(UserName=user)["MFADevices"]
    assert [d["SerialNumber"] for d in devices] == [serial]
    [virtual] = iam.list_virtual_mfa_devices(AssignmentStatus="Assigned")["VirtualMFADevices"]
    assert virtual["User"]["UserName"] == user

    sts = client(session, "sts", aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"])
    with pytest.raises(ClientError) as wrong:
        sts.get_session_token(SerialNumber=serial, TokenCode="123456", DurationSeconds=900)
    assert wrong.value.response["Error"]["Code"] == "AccessDenied"
    code = totp(seed, now)
    creds = sts.get_session_token(SerialNumber=serial, TokenCode=code, DurationSeconds=900)["Credentials"]
    assert creds["AccessKeyId"].startswith("ASIA")
    with pytest.raises(ClientError) as replayed:
        sts.get_session_token(SerialNumber=serial, TokenCode=code, DurationSeconds=900)
    assert replayed.value.response["Error"]["Code"] == "AccessDenied"
    with_mfa = client(session, "sts", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                      aws_session_token=creds["SessionToken"])
    assert with_mfa.get_caller_identity()["Arn"] == f"arn:aws:iam::{account}:user/{user}"

    [row] = [r for r in credential_report(iam) if r["user"] == user]
    assert row["mfa_active"] == "true"

    with pytest.raises(ClientError) as in_use:
        iam.delete_virtual_mfa_device(SerialNumber=serial)
    assert in_use.value.response["Error"]["Code"] == "DeleteConflict"
    iam.deactivate_mfa_device(UserName=user, SerialNumber=serial)
    iam.delete_virtual_mfa_device(SerialNumber=serial)
    assert iam.list_mfa_devices(UserName=user)["MFADevices"] == []


def test_policy_simulator_explains_its_decision(session):
    iam = client(session, "iam")
    doc = '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}'
    results = iam.simulate_custom_policy(PolicyInputList=[doc], ActionNames=["s3:GetObject", "s3:PutObject"])["EvaluationResults"]
    assert [r["EvalDecision"] for r in results] == ["allowed", "implicitDeny"]
    assert results[0]["MatchedStatements"][0]["SourcePolicyId"] == "PolicyInputList.1"
