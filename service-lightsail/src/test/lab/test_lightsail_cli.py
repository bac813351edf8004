"""The learner's Lightsail walk-through with the real AWS CLI: the $3.50 plan of the notes (retired; today's $3.50 plan
is IPv6-only, so it takes no static IP), an Ubuntu server on the $5 plan, a static IP that survives stop and start,
HTTPS opened in the firewall, a snapshot, SSH access details that ssh-keygen accepts, the default key pair, the
operations log, the monthly bill, and a managed PostgreSQL database reached with psql (a parameter changed on it,
its server log and events read).

Run from JUnit (LightsailLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
Transitions take seconds on the emulator clock; the script moves that clock instead of waiting.
"""
import json
import os
import shutil
import subprocess
import time
import urllib.request

import pytest

from cloudjar_pytest import ENDPOINT


@pytest.fixture
def ls(cli_env):
    """ls(*args) -> parsed JSON or None; ls(*args, error="Code") -> asserts the call fails with that code."""

    def run(*args, error=None):
        proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "--region", "us-east-1", "lightsail", *args],
                              env=cli_env, capture_output=True, text=True, timeout=120)
        if error is not None:
            assert proc.returncode != 0, f"expected {error} from lightsail {' '.join(args)}, got:\n{proc.stdout}"
            assert f"({error})" in proc.stderr, proc.stderr
            return proc.stderr
        assert proc.returncode == 0, f"lightsail {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        out = proc.stdout.strip()
        return json.loads(out) if out else None

    return run


def ssh_keygen(*args):
    proc = subprocess.run(["ssh-keygen", *args], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_seed_flow(ls, clock, tmp_path):
    # the notes' price table: $3.50 / 512 MB / 1 vCPU / 20 GB / 1 TB is the retired 2_0 generation
    bundles = {b["bundleId"]: b for b in ls("get-bundles", "--include-inactive")["bundles"]}
    old = bundles["nano_2_0"]
    assert (old["price"], old["ramSizeInGb"], old["cpuCount"], old["diskSizeInGb"], old["transferPerMonthInGb"],
            old["isActive"]) == (3.5, 0.5, 1, 20, 1024, False)
    assert bundles["micro_2_0"]["price"] == 5.0 and bundles["small_2_0"]["price"] == 10.0
    assert bundles["nano_ipv6_3_0"]["price"] == 3.5 and bundles["nano_ipv6_3_0"]["isActive"]
    blueprints = [b["blueprintId"] for b in ls("get-blueprints")["blueprints"]]
    assert "ubuntu_22_04" in blueprints and "wordpress" in blueprints

    ls("create-instances", "--instance-names", "seed-old", "--availability-zone", "us-east-1a",
       "--blueprint-id", "ubuntu_22_04", "--bundle-id", "nano_2_0", error="InvalidInputException")
    # today's $3.50 plan: IPv6 only
    ls("create-instances", "--instance-names", "seed-v6", "--availability-zone", "us-east-1a",
       "--blueprint-id", "ubuntu_22_04", "--bundle-id", "nano_ipv6_3_0", "--ip-address-type", "ipv6")
    v6 = ls("get-instance", "--instance-name", "seed-v6")["instance"]
    assert v6["ipAddressType"] == "ipv6" and "publicIpAddress" not in v6 and v6["ipv6Addresses"]

    # the server of the notes, on the $5 plan
    ops = ls("create-instances", "--instance-names", "seed-web", "--availability-zone", "us-east-1a",
             "--blueprint-id", "ubuntu_22_04", "--bundle-id", "nano_3_0",
             "--user-data", "sudo apt-get install -y nginx", "--tags", "key=course,value=django")["operations"]
    assert ops[0]["operationType"] == "CreateInstance" and ops[0]["status"] == "Started"
    assert ls("get-instance-state", "--instance-name", "seed-web")["state"]["name"] == "pending"
    clock.advance(10)
    web = ls("get-instance", "--instance-name", "seed-web")["instance"]
    assert web["state"] == {"code": 16, "name": "running"}
    assert web["username"] == "ubuntu" and web["sshKeyName"] == "LightsailDefaultKeyPair"
    assert [p["fromPort"] for p in web["networking"]["ports"]] == [22, 80]

    ls("allocate-static-ip", "--static-ip-name", "seed-ip")
    ip = ls("get-static-ip", "--static-ip-name", "seed-ip")["staticIp"]["ipAddress"]
    ls("attach-static-ip", "--static-ip-name", "seed-ip", "--instance-name", "seed-web")
    assert ls("get-instance", "--instance-name", "seed-web")["instance"]["publicIpAddress"] == ip
    ls("attach-static-ip", "--static-ip-name", "seed-ip", "--instance-name", "seed-v6", error="InvalidInputException")

    ls("open-instance-public-ports", "--instance-name", "seed-web",
       "--port-info", "fromPort=443,toPort=443,protocol=tcp")
    states = ls("get-instance-port-states", "--instance-name", "seed-web")["portStates"]
    assert {(s["fromPort"], s["protocol"], s["state"]) for s in states} == {(22, "tcp", "open"), (80, "tcp", "open"),
                                                                             (443, "tcp", "open")}

    ls("create-instance-snapshot", "--instance-name", "seed-web", "--instance-snapshot-name", "seed-web-1")
    clock.advance(10)
    snapshot = ls("get-instance-snapshot", "--instance-snapshot-name", "seed-web-1")["instanceSnapshot"]
    assert snapshot["state"] == "available" and snapshot["fromBundleId"] == "nano_3_0"

    access = ls("get-instance-access-details", "--instance-name", "seed-web")["accessDetails"]
    assert access["ipAddress"] == ip and access["username"] == "ubuntu" and access["protocol"] == "ssh"
    if shutil.which("ssh-keygen"):
        key = tmp_path / "seed-web"
        key.write_text(access["privateKey"])
        os.chmod(key, 0o600)
        (tmp_path / "seed-web-cert.pub").write_text(access["certKey"] + "\n")
        shown = ssh_keygen("-L", "-f", str(tmp_path / "seed-web-cert.pub"))
        assert "user certificate" in shown and "ubuntu" in shown
        assert ssh_keygen("-y", "-f", str(key)).startswith("ssh-rsa ")

    default = ls("download-default-key-pair")
    assert default["privateKeyBase64"].startswith("-----BEGIN RSA PRIVATE KEY-----")
    assert default["publicKeyBase64"].startswith("ssh-rsa ")

    ls("stop-instance", "--instance-name", "seed-web")
    clock.advance(10)
    stopped = ls("get-instance", "--instance-name", "seed-web")["instance"]
    assert stopped["state"]["name"] == "stopped" and stopped["publicIpAddress"] == ip

    kinds = [o["operationType"] for o in ls("get-operations-for-resource", "--resource-name", "seed-web")["operations"]]
    assert kinds[:2] == ["CreateInstance", "AttachStaticIp"] and "StopInstance" in kinds

    with urllib.request.urlopen(ENDPOINT + "/_cloudjar/lightsail/bill?region=us-east-1") as answer:
        bill = json.load(answer)
    items = {i["resourceName"]: i["monthlyUsd"] for i in bill["regions"][0]["items"]}
    assert items["seed-web"] == 5.0 and items["seed-v6"] == 3.5 and items["seed-ip"] == 0.0
    assert items["seed-web-1"] == 1.0  # 20 GB of snapshot at $0.05

    # the managed database of the notes: PostgreSQL, reached with psql
    ls("create-relational-database", "--relational-database-name", "seed-db", "--availability-zone", "us-east-1a",
       "--relational-database-blueprint-id", "postgres_16", "--relational-database-bundle-id", "micro_2_0",
       "--master-database-name", "shop", "--master-username", "shopadmin")
    clock.advance(10)
    for _ in range(600):
        db = ls("get-relational-database", "--relational-database-name", "seed-db")["relationalDatabase"]
        if db["state"] != "creating":
            break
        time.sleep(0.1)
    assert db["state"] == "available" and db["masterEndpoint"]["address"] == "localhost"
    password = ls("get-relational-database-master-user-password",
                  "--relational-database-name", "seed-db")["masterUserPassword"]
    if shutil.which("psql"):
        def psql(sql):
            proc = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
                                   "-p", str(db["masterEndpoint"]["port"]), "-U", "shopadmin", "-d", "shop", "-c", sql],
                                  env={**os.environ, "PGPASSWORD": password}, capture_output=True, text=True, timeout=60)
            assert proc.returncode == 0, proc.stderr
            return proc.stdout.strip()

        psql("CREATE TABLE visits (n int); INSERT INTO visits VALUES (1), (2)")
        assert psql("SELECT sum(n) FROM visits") == "3"
        # a dynamic parameter reaches the running server; its log is the server's own
        ls("update-relational-database-parameters", "--relational-database-name", "seed-db", "--parameters",
           "parameterName=log_statement,parameterValue=all,applyMethod=immediate")
        for _ in range(100):
            if psql("SHOW log_statement") == "all":
                break
            time.sleep(0.1)
        assert psql("SHOW log_statement") == "all"
        psql("SELECT count(*) FROM visits")
        lines = [e["message"] for e in ls("get-relational-database-log-events", "--relational-database-name", "seed-db",
                                          "--log-stream-name", "postgresql")["resourceLogEvents"]]
        assert any("ready to accept connections" in line for line in lines)
        assert any("SELECT count(*) FROM visits" in line for line in lines)
    events = ls("get-relational-database-events", "--relational-database-name", "seed-db")["relationalDatabaseEvents"]
    assert "DB instance created" in [e["message"] for e in events]
    ls("delete-relational-database", "--relational-database-name", "seed-db", "--skip-final-snapshot")

    ls("delete-instance", "--instance-name", "seed-web")
    ls("release-static-ip", "--static-ip-name", "seed-ip")
    ls("delete-instance-snapshot", "--instance-snapshot-name", "seed-web-1")
    ls("delete-instance", "--instance-name", "seed-v6")
    assert ls("get-instances")["instances"] == []
    ls("get-instance", "--instance-name", "seed-web", error="NotFoundException")
