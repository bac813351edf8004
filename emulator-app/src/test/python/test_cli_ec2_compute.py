"""The EC2 compute flow of a learner's notes, driven with the real AWS CLI: a key pair whose .pem
ssh-keygen accepts, the latest Ubuntu 22.04 AMI found by name filter and --query sort_by, an EBS volume
and a snapshot waited for with the CLI waiter.

Run: CLOUDJAR_ENDPOINT=http://127.0.0.1:4566 python3 -m pytest -q test_cli_ec2_compute.py
(ScriptedClientsTest runs this against an in-process server during `mvn test`.)
"""
import base64
import hashlib
import json
import os
import shutil
import subprocess
import uuid

import pytest

ENDPOINT = os.environ.get("CLOUDJAR_ENDPOINT", "http://127.0.0.1:4566")
needs_ssh_keygen = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="ssh-keygen not installed")
needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")


CLI_REGION = "ap-northeast-2"  # cli_env comes from the core test kit (cloudjar_pytest)


@pytest.fixture
def aws(cli_env):
    """aws(*args) -> parsed JSON or text; aws(*args, ok=False) -> CompletedProcess, expecting failure."""

    def run(*args, ok=True):
        proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, *args], env=cli_env,
                              capture_output=True, text=True, timeout=120)
        if not ok:
            assert proc.returncode != 0, f"expected failure of {args}, got:\n{proc.stdout}"
            return proc
        assert proc.returncode == 0, f"aws {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        out = proc.stdout.strip()
        return json.loads(out) if out.startswith(("{", "[")) else out

    return run


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def run(*cmd, stdin=None):
    proc = subprocess.run(list(cmd), input=stdin, capture_output=True, timeout=60)
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}: {proc.stderr.decode()}"
    return proc.stdout


@needs_ssh_keygen
def test_created_pem_is_accepted_by_ssh_keygen(aws, tmp_path):
    name = unique("tc-ssh-keypair")
    pem = tmp_path / f"{name}.pem"
    pem.write_text(aws("ec2", "create-key-pair", "--key-name", name, "--query", "KeyMaterial", "--output", "text") + "\n")
    pem.chmod(0o400)

    public = run("ssh-keygen", "-y", "-f", str(pem)).decode().split()
    assert public[0] == "ssh-rsa"
    described = aws("ec2", "describe-key-pairs", "--key-names", name, "--include-public-key")["KeyPairs"][0]
    assert described["PublicKey"].split()[1] == public[1]
    assert described["KeyType"] == "rsa"
    assert "InvalidKeyPair.Duplicate" in aws("ec2", "create-key-pair", "--key-name", name, ok=False).stderr

    if shutil.which("openssl"):
        # AWS's documented check: SHA-1 of the PKCS#8 DER of the private key.
        der = run("openssl", "pkcs8", "-in", str(pem), "-inform", "PEM", "-outform", "DER", "-topk8", "-nocrypt")
        sha1 = ":".join(f"{b:02x}" for b in hashlib.sha1(der).digest())
        assert described["KeyFingerprint"] == sha1

    aws("ec2", "delete-key-pair", "--key-name", name)
    assert "InvalidKeyPair.NotFound" in aws("ec2", "describe-key-pairs", "--key-names", name, ok=False).stderr


@needs_ssh_keygen
def test_ed25519_key_matches_ssh_keygen_fingerprint(aws, tmp_path):
    name = unique("ed")
    created = aws("ec2", "create-key-pair", "--key-name", name, "--key-type", "ed25519")
    key = tmp_path / "ed.pem"
    key.write_text(created["KeyMaterial"] + "\n")
    key.chmod(0o400)
    assert run("ssh-keygen", "-y", "-f", str(key)).decode().startswith("ssh-ed25519 ")
    listed = run("ssh-keygen", "-l", "-E", "sha256", "-f", str(key)).decode().split()[1]
    assert listed == "SHA256:" + created["KeyFingerprint"].rstrip("=")


@needs_ssh_keygen
def test_imported_public_key_gets_the_md5_fingerprint(aws, tmp_path):
    key = tmp_path / "id_rsa"
    run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-C", "kim@laptop", "-f", str(key))
    name = unique("laptop")
    imported = aws("ec2", "import-key-pair", "--key-name", name, "--public-key-material", f"fileb://{key}.pub")
    spki = base64.b64decode("".join(
        l for l in run("ssh-keygen", "-e", "-m", "PKCS8", "-f", f"{key}.pub").decode().splitlines() if not l.startswith("-----")))
    assert imported["KeyFingerprint"] == ":".join(f"{b:02x}" for b in hashlib.md5(spki).digest())
    bad = tmp_path / "bad.pub"
    bad.write_text("not a key")
    assert "InvalidKey.Format" in aws("ec2", "import-key-pair", "--key-name", unique("bad"),
                                      "--public-key-material", f"fileb://{bad}", ok=False).stderr


def test_latest_ubuntu_2204_by_name_filter_and_sort_by(aws):
    image_id = aws("ec2", "describe-images", "--owners", "099720109477",
                   "--filters", "Name=name,Values=ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*",
                   "Name=state,Values=available",
                   "--query", "sort_by(Images, &CreationDate)[-1].ImageId", "--output", "text")
    assert image_id.startswith("ami-")
    image = aws("ec2", "describe-images", "--image-ids", image_id)["Images"][0]
    assert image["Name"] == "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240801"
    assert image["RootDeviceName"] == "/dev/sda1"
    assert "InvalidAMIID.NotFound" in aws("ec2", "describe-images", "--image-ids", "ami-0123456789abcdef0", ok=False).stderr


def test_instance_types_show_t2_micro(aws):
    info = aws("ec2", "describe-instance-types", "--instance-types", "t2.micro")["InstanceTypes"][0]
    assert info["VCpuInfo"]["DefaultVCpus"] == 1
    assert info["MemoryInfo"]["SizeInMiB"] == 1024
    assert info["FreeTierEligible"] is True


def test_volume_and_snapshot_with_the_cli_waiter(aws, clock):
    volume = aws("ec2", "create-volume", "--availability-zone", "ap-northeast-2a", "--size", "8", "--volume-type", "gp3",
                 "--tag-specifications", "ResourceType=volume,Tags=[{Key=Name,Value=data}]")
    assert volume["State"] == "creating" and volume["Iops"] == 3000
    clock.advance(2)  # creating takes a second on the emulator clock
    assert aws("ec2", "describe-volumes", "--volume-ids", volume["VolumeId"],
               "--query", "Volumes[0].State", "--output", "text") == "available"
    snapshot = aws("ec2", "create-snapshot", "--volume-id", volume["VolumeId"], "--description", "before upgrade")
    assert snapshot["State"] == "pending"
    clock.advance(6)  # and a snapshot five, so the waiter's first poll finds it completed
    aws("ec2", "wait", "snapshot-completed", "--snapshot-ids", snapshot["SnapshotId"])
    done = aws("ec2", "describe-snapshots", "--owner-ids", "self", "--snapshot-ids", snapshot["SnapshotId"])["Snapshots"][0]
    assert done["State"] == "completed" and done["Progress"] == "100%"
    restored = aws("ec2", "create-volume", "--availability-zone", "ap-northeast-2b", "--snapshot-id", snapshot["SnapshotId"])
    assert restored["Size"] == 8 and restored["SnapshotId"] == snapshot["SnapshotId"]
    aws("ec2", "delete-snapshot", "--snapshot-id", snapshot["SnapshotId"])
    aws("ec2", "delete-volume", "--volume-id", volume["VolumeId"])
    assert "InvalidVolume.NotFound" in aws("ec2", "delete-volume", "--volume-id", volume["VolumeId"], ok=False).stderr
