"""The learner's Lightsail site put together with the real AWS CLI: a server with a static IP, its domain in
Lightsail DNS (an A record to the static IP, www as a CNAME, mail), a load balancer in front with the server
attached and a certificate validated through the same zone, a bucket with an access key, and the bill.

Run from JUnit (LightsailServicesLabScriptsTest), which loads the shared fixtures of the core test kit
(cloudjar_pytest). Transitions take seconds on the emulator clock; the script moves that clock instead of waiting.
"""
import json
import subprocess
import urllib.request

import pytest

from cloudjar_pytest import ENDPOINT


@pytest.fixture
def ls(cli_env):
    """ls(*args) -> parsed JSON or None; ls(*args, error="Code") -> asserts the call fails with that code."""

    def run(*args, error=None, region="us-east-1"):
        proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "--region", region, "lightsail", *args],
                              env=cli_env, capture_output=True, text=True, timeout=120)
        if error is not None:
            assert proc.returncode != 0, f"expected {error} from lightsail {' '.join(args)}, got:\n{proc.stdout}"
            assert f"({error})" in proc.stderr, proc.stderr
            return proc.stderr
        assert proc.returncode == 0, f"lightsail {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        out = proc.stdout.strip()
        return json.loads(out) if out else None

    return run


def test_domain_load_balancer_and_bucket(ls, clock):
    ls("create-instances", "--instance-names", "seed-web", "--availability-zone", "us-east-1a",
       "--blueprint-id", "ubuntu_22_04", "--bundle-id", "micro_3_0")
    ls("allocate-static-ip", "--static-ip-name", "seed-ip")
    clock.advance(60)
    ls("attach-static-ip", "--static-ip-name", "seed-ip", "--instance-name", "seed-web")
    ip = ls("get-static-ip", "--static-ip-name", "seed-ip")["staticIp"]["ipAddress"]

    # the domain in Lightsail DNS, pointed at the static IP
    ls("create-domain", "--domain-name", "seed-blog.com")
    ls("create-domain-entry", "--domain-name", "seed-blog.com",
       "--domain-entry", json.dumps({"name": "seed-blog.com", "type": "A", "target": ip}))
    ls("create-domain-entry", "--domain-name", "seed-blog.com",
       "--domain-entry", json.dumps({"name": "www.seed-blog.com", "type": "CNAME", "target": "seed-blog.com"}))
    ls("create-domain-entry", "--domain-name", "seed-blog.com",
       "--domain-entry", json.dumps({"name": "seed-blog.com", "type": "MX", "target": "10 mail.seed-blog.com"}))
    entries = ls("get-domain", "--domain-name", "seed-blog.com")["domain"]["domainEntries"]
    assert {(e["type"], e["name"], e["target"]) for e in entries} >= {
        ("A", "seed-blog.com", ip), ("CNAME", "www.seed-blog.com", "seed-blog.com"),
        ("MX", "seed-blog.com", "10 mail.seed-blog.com")}
    assert len([e for e in entries if e["type"] == "NS"]) == 4
    ls("create-domain-entry", "--domain-name", "seed-blog.com",
       "--domain-entry", json.dumps({"name": "other.com", "type": "A", "target": ip}), error="InvalidInputException")
    ls("get-domains", region="eu-west-2", error="InvalidInputException")

    # a load balancer in front, its certificate validated through the zone
    ls("create-load-balancer", "--load-balancer-name", "seed-lb", "--instance-port", "80",
       "--health-check-path", "/health", "--certificate-name", "seed-cert",
       "--certificate-domain-name", "seed-blog.com", "--certificate-alternative-names", "www.seed-blog.com")
    ls("attach-instances-to-load-balancer", "--load-balancer-name", "seed-lb", "--instance-names", "seed-web")
    health = ls("get-load-balancer", "--load-balancer-name", "seed-lb")["loadBalancer"]["instanceHealthSummary"]
    assert health == [{"instanceName": "seed-web", "instanceHealth": "initial",
                       "instanceHealthReason": "Lb.RegistrationInProgress"}]
    clock.advance(60)
    lb = ls("get-load-balancer", "--load-balancer-name", "seed-lb")["loadBalancer"]
    assert lb["state"] == "active" and lb["instanceHealthSummary"][0]["instanceHealth"] == "healthy"
    cert = ls("get-load-balancer-tls-certificates", "--load-balancer-name", "seed-lb")["tlsCertificates"][0]
    assert cert["status"] == "PENDING_VALIDATION"
    for record in cert["domainValidationRecords"]:
        ls("create-domain-entry", "--domain-name", "seed-blog.com", "--domain-entry",
           json.dumps({"name": record["name"], "type": "CNAME", "target": record["value"]}))
    assert ls("get-load-balancer-tls-certificates", "--load-balancer-name", "seed-lb")["tlsCertificates"][0]["status"] == "ISSUED"
    ls("attach-load-balancer-tls-certificate", "--load-balancer-name", "seed-lb", "--certificate-name", "seed-cert")
    lb = ls("get-load-balancer", "--load-balancer-name", "seed-lb")["loadBalancer"]
    assert lb["protocol"] == "HTTP_HTTPS" and lb["publicPorts"] == [80, 443]
    # the apex now points at the load balancer: an alias record instead of the address
    a_record = next(e for e in ls("get-domain", "--domain-name", "seed-blog.com")["domain"]["domainEntries"]
                    if e["type"] == "A" and e["name"] == "seed-blog.com")
    ls("update-domain-entry", "--domain-name", "seed-blog.com", "--domain-entry",
       json.dumps({"id": a_record["id"], "name": "seed-blog.com", "type": "A", "target": lb["dnsName"], "isAlias": True}))

    # static files in a bucket, with an access key for the application
    bucket = ls("create-bucket", "--bucket-name", "seed-blog-media", "--bundle-id", "small_1_0")["bucket"]
    assert bucket["accessRules"]["getObject"] == "private"
    key = ls("create-bucket-access-key", "--bucket-name", "seed-blog-media")["accessKey"]
    assert key["accessKeyId"].startswith("AKIA") and len(key["secretAccessKey"]) == 40

    with urllib.request.urlopen(ENDPOINT + "/_cloudjar/lightsail/bill?region=us-east-1", timeout=30) as answer:
        bill = {i["resourceName"]: i["monthlyUsd"] for i in json.load(answer)["regions"][0]["items"]}
    assert bill["seed-lb"] == 18.0 and bill["seed-blog-media"] == 1.0

    ls("delete-load-balancer", "--load-balancer-name", "seed-lb")
    ls("delete-bucket", "--bucket-name", "seed-blog-media", error="InvalidInputException")
    ls("delete-bucket", "--bucket-name", "seed-blog-media", "--force-delete")
    ls("delete-domain", "--domain-name", "seed-blog.com")
    assert ls("get-domains")["domains"] == []


def notifications(kind):
    with urllib.request.urlopen(ENDPOINT + "/_cloudjar/lightsail/notifications?region=us-east-1", timeout=30) as answer:
        return [n for n in json.load(answer)["notifications"] if n["kind"] == kind]


def test_alarm_notifies_a_verified_email_and_https_is_set_up(ls, clock):
    ls("create-instances", "--instance-names", "mon-web", "--availability-zone", "us-east-1a",
       "--blueprint-id", "ubuntu_22_04", "--bundle-id", "micro_3_0")
    ls("create-contact-method", "--protocol", "Email", "--contact-endpoint", "ops@seed-blog.com")
    # the address is verified by following the link of the message Lightsail mails (recorded here)
    link = notifications("ContactMethodVerification")[-1]["message"]["verificationLink"]
    with urllib.request.urlopen(urllib.request.Request(ENDPOINT + link, method="POST"), timeout=30) as answer:
        assert answer.status == 200
    assert ls("get-contact-methods")["contactMethods"][0]["status"] == "Valid"

    # an idle server's CPU is a little over 0.1 %: this alarm trips once the instance has run a five-minute period
    ls("put-alarm", "--alarm-name", "mon-web-cpu", "--monitored-resource-name", "mon-web", "--metric-name", "CPUUtilization",
       "--comparison-operator", "GreaterThanThreshold", "--threshold", "0.1", "--evaluation-periods", "1",
       "--contact-protocols", "Email", "--notification-triggers", "ALARM")
    assert ls("get-alarms", "--alarm-name", "mon-web-cpu")["alarms"][0]["state"] == "INSUFFICIENT_DATA"
    clock.advance(600)
    assert ls("get-alarms", "--alarm-name", "mon-web-cpu")["alarms"][0]["state"] == "ALARM"
    sent = notifications("AlarmNotification")
    assert [(n["contactEndpoint"], n["delivered"], n["message"]["state"]) for n in sent] == [("ops@seed-blog.com", True, "ALARM")]
    start = ls("get-instance", "--instance-name", "mon-web")["instance"]["createdAt"]
    data = ls("get-instance-metric-data", "--instance-name", "mon-web", "--metric-name", "CPUUtilization",
              "--period", "300", "--start-time", str(int(start)), "--end-time", str(int(start) + 600),
              "--unit", "Percent", "--statistics", "Average")["metricData"]
    assert data and all(p["average"] > 0.1 for p in data)

    # HTTPS with Let's Encrypt: the name must point at the instance in Lightsail DNS first
    ls("allocate-static-ip", "--static-ip-name", "mon-ip")
    ls("attach-static-ip", "--static-ip-name", "mon-ip", "--instance-name", "mon-web")
    address = ls("get-static-ip", "--static-ip-name", "mon-ip")["staticIp"]["ipAddress"]
    ls("create-domain", "--domain-name", "mon-blog.com")
    ls("create-domain-entry", "--domain-name", "mon-blog.com", "--domain-entry",
       json.dumps({"name": "www.mon-blog.com", "type": "A", "target": address}))
    ls("setup-instance-https", "--instance-name", "mon-web", "--email-address", "ops@seed-blog.com",
       "--domain-names", "www.mon-blog.com", "--certificate-provider", "LetsEncrypt")
    clock.advance(60)
    history = ls("get-setup-history", "--resource-name", "mon-web")["setupHistory"]
    assert history[0]["status"] == "succeeded", history
    ls("delete-domain", "--domain-name", "mon-blog.com")


def test_container_image_pushed_deployed_and_deleted(ls, clock):
    # what lightsailctl's push-container-image does through the API: a registry login, then the pushed digest registered
    ls("create-container-service", "--service-name", "seed-app", "--power", "nano", "--scale", "1")
    clock.advance(60)
    assert ls("get-container-api-metadata")["metadata"] == [{"name": "lightsailctlVersion", "value": "v1.0.8"}]
    login = ls("create-container-service-registry-login")["registryLogin"]
    assert login["username"] == "AWS" and login["registry"].endswith(".dkr.ecr.us-east-1.amazonaws.com")
    image = ls("register-container-image", "--service-name", "seed-app", "--label", "site",
               "--digest", "sha256:" + "0f" * 32)["containerImage"]
    assert image["image"] == ":seed-app.site.1"
    ls("create-container-service-deployment", "--service-name", "seed-app", "--containers",
       json.dumps({"site": {"image": ":seed-app.site.1", "ports": {"80": "HTTP"}}}),
       "--public-endpoint", json.dumps({"containerName": "site", "containerPort": 80}))
    clock.advance(60)
    assert ls("get-container-services", "--service-name", "seed-app")["containerServices"][0]["state"] == "RUNNING"
    ls("delete-container-image", "--service-name", "seed-app", "--image", ":seed-app.site.1", error="InvalidInputException")
    lines = [e["message"] for e in ls("get-container-log", "--service-name", "seed-app", "--container-name", "site")["logEvents"]]
    assert lines[0] == "[deployment:1] Creating your deployment" and lines[-1] == "[deployment:1] Reached a steady state"
    ls("delete-container-service", "--service-name", "seed-app")
