"""The learner's RDS walk-through with the real AWS CLI and psql: a custom VPC with private subnets in two zones
(one zone is refused), a DB subnet group and a parameter group, a PostgreSQL instance the `db-instance-available`
waiter waits for, rows written with psql, a snapshot, more rows, a restore that has only the first rows, and
deletion that the `db-instance-deleted` waiter sees through. Then the same with Aurora PostgreSQL: a cluster, a
writer and a reader, psql through the cluster and reader endpoints, a failover, a cluster snapshot, the cluster
waiters.

Run from JUnit (RdsLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
Transitions take seconds on the emulator clock; the script moves that clock before each waiter, and waits (wall
clock) for the real server where one must start.
"""
import json
import os
import shutil
import subprocess
import time

import pytest

from cloudjar_pytest import ENDPOINT

PASSWORD = "Secret-pass1"


@pytest.fixture
def rds(cli_env):
    """rds(*args) -> parsed JSON or None; rds(*args, error="Code") -> asserts the call fails with that code."""

    def run(*args, error=None):
        proc = subprocess.run(["aws", "--endpoint-url", ENDPOINT, "rds", *args],
                              env=cli_env, capture_output=True, text=True, timeout=300)
        if error is not None:
            assert proc.returncode != 0, f"expected {error} from rds {' '.join(args)}, got:\n{proc.stdout}"
            assert f"({error})" in proc.stderr, proc.stderr
            return proc.stderr
        assert proc.returncode == 0, f"rds {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        out = proc.stdout.strip()
        return json.loads(out) if out else None

    return run


def psql(instance, sql):
    endpoint = instance["Endpoint"]
    return psql_at(endpoint["Address"], endpoint["Port"], instance["MasterUsername"], sql)


def psql_at(host, port, user, sql, check=True):
    proc = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", host,
                           "-p", str(port), "-U", user, "-d", "shop", "-c", sql],
                          env={**os.environ, "PGPASSWORD": PASSWORD}, capture_output=True, text=True, timeout=60)
    if not check:
        return proc
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def served(rds, clock, instance_id):
    """Moves the clock past creation, waits for the real server, then lets the CLI's waiter confirm it."""
    clock.advance(10)
    for _ in range(600):
        instance = rds("describe-db-instances", "--db-instance-identifier", instance_id)["DBInstances"][0]
        if instance["DBInstanceStatus"] not in ("creating", "backing-up"):
            break
        time.sleep(0.1)
    if any(info.get("Status") == "no-database-server" for info in instance.get("StatusInfos", [])):
        pytest.skip("no PostgreSQL can run on this machine")
    rds("wait", "db-instance-available", "--db-instance-identifier", instance_id)
    return rds("describe-db-instances", "--db-instance-identifier", instance_id)["DBInstances"][0]


@pytest.mark.skipif(shutil.which("psql") is None, reason="psql not installed")
def test_postgres_in_private_subnets_with_snapshot_and_restore(ec2, rds, clock):
    vpc = ec2("create-vpc", "--cidr-block", "10.40.0.0/16")["Vpc"]["VpcId"]
    a = ec2("create-subnet", "--vpc-id", vpc, "--cidr-block", "10.40.1.0/24", "--availability-zone", "us-east-1a")["Subnet"]["SubnetId"]
    b = ec2("create-subnet", "--vpc-id", vpc, "--cidr-block", "10.40.2.0/24", "--availability-zone", "us-east-1b")["Subnet"]["SubnetId"]
    group = ec2("create-security-group", "--group-name", "db", "--description", "database", "--vpc-id", vpc)["GroupId"]

    rds("create-db-subnet-group", "--db-subnet-group-name", "one-zone", "--db-subnet-group-description", "x",
        "--subnet-ids", a, error="DBSubnetGroupDoesNotCoverEnoughAZs")
    rds("create-db-subnet-group", "--db-subnet-group-name", "private", "--db-subnet-group-description", "private",
        "--subnet-ids", a, b)
    rds("create-db-parameter-group", "--db-parameter-group-name", "shop-pg", "--db-parameter-group-family", "postgres16",
        "--description", "shop")
    rds("modify-db-parameter-group", "--db-parameter-group-name", "shop-pg",
        "--parameters", "ParameterName=statement_timeout,ParameterValue=5000,ApplyMethod=immediate")

    created = rds("create-db-instance", "--db-instance-identifier", "shop", "--engine", "postgres",
                  "--engine-version", "16.8", "--db-instance-class", "db.t3.micro", "--allocated-storage", "20",
                  "--master-username", "master", "--master-user-password", PASSWORD, "--db-name", "shop",
                  "--db-subnet-group-name", "private", "--vpc-security-group-ids", group,
                  "--db-parameter-group-name", "shop-pg", "--no-publicly-accessible")["DBInstance"]
    assert created["DBInstanceStatus"] == "creating"
    assert created["DBSubnetGroup"]["VpcId"] == vpc
    shop = served(rds, clock, "shop")
    assert psql(shop, "show statement_timeout") == "5s"

    psql(shop, "create table orders (id int primary key, item text); insert into orders values (1, 'tea'), (2, 'cake')")
    rds("create-db-snapshot", "--db-instance-identifier", "shop", "--db-snapshot-identifier", "shop-snap")
    psql(shop, "insert into orders values (3, 'scones')")
    clock.advance(5)
    rds("wait", "db-snapshot-available", "--db-snapshot-identifier", "shop-snap")

    rds("restore-db-instance-from-db-snapshot", "--db-instance-identifier", "shop-copy",
        "--db-snapshot-identifier", "shop-snap", "--db-instance-class", "db.t3.micro", "--db-subnet-group-name", "private")
    copy = served(rds, clock, "shop-copy")
    assert psql(copy, "select count(*) from orders") == "2"
    assert psql(shop, "select count(*) from orders") == "3"

    rds("delete-db-instance", "--db-instance-identifier", "shop", error="InvalidParameterCombination")
    for instance_id in ("shop", "shop-copy"):
        rds("delete-db-instance", "--db-instance-identifier", instance_id, "--skip-final-snapshot")
    clock.advance(5)
    rds("wait", "db-instance-deleted", "--db-instance-identifier", "shop")
    rds("wait", "db-instance-deleted", "--db-instance-identifier", "shop-copy")
    rds("delete-db-subnet-group", "--db-subnet-group-name", "private")


def cluster_served(rds, clock, cluster_id):
    """Moves the clock past creation, waits for the cluster's real server, then lets the CLI's waiter confirm it."""
    clock.advance(10)
    for _ in range(600):
        cluster = rds("describe-db-clusters", "--db-cluster-identifier", cluster_id)["DBClusters"][0]
        if cluster["Status"] != "creating":
            break
        time.sleep(0.1)
    rds("wait", "db-cluster-available", "--db-cluster-identifier", cluster_id)
    return rds("describe-db-clusters", "--db-cluster-identifier", cluster_id)["DBClusters"][0]


def rows_at(host, port, expected):
    """The row count a replica shows once it has caught up (wall clock, a few seconds at most)."""
    count = None
    for _ in range(300):
        proc = psql_at(host, port, "master", "select count(*) from orders", check=False)
        count = proc.stdout.strip() if proc.returncode == 0 else proc.stderr
        if count == expected:
            break
        time.sleep(0.1)
    return count


@pytest.mark.skipif(shutil.which("psql") is None, reason="psql not installed")
def test_aurora_postgres_cluster_with_writer_reader_failover_and_snapshot(ec2, rds, clock):
    vpc = ec2("create-vpc", "--cidr-block", "10.41.0.0/16")["Vpc"]["VpcId"]
    a = ec2("create-subnet", "--vpc-id", vpc, "--cidr-block", "10.41.1.0/24", "--availability-zone", "us-east-1a")["Subnet"]["SubnetId"]
    b = ec2("create-subnet", "--vpc-id", vpc, "--cidr-block", "10.41.2.0/24", "--availability-zone", "us-east-1c")["Subnet"]["SubnetId"]
    rds("create-db-subnet-group", "--db-subnet-group-name", "aurora-private", "--db-subnet-group-description", "aurora",
        "--subnet-ids", a, b)
    versions = rds("describe-db-engine-versions", "--engine", "aurora-postgresql", "--default-only")["DBEngineVersions"]
    assert versions[0]["DBParameterGroupFamily"] == "aurora-postgresql16"

    created = rds("create-db-cluster", "--db-cluster-identifier", "shop-aurora", "--engine", "aurora-postgresql",
                  "--master-username", "master", "--master-user-password", PASSWORD, "--database-name", "shop",
                  "--db-subnet-group-name", "aurora-private")["DBCluster"]
    assert created["Status"] == "creating"
    assert created["AvailabilityZones"] == ["us-east-1a", "us-east-1c"]
    cluster_served(rds, clock, "shop-aurora")
    rds("create-db-instance", "--db-instance-identifier", "shop-aurora-1", "--db-cluster-identifier", "shop-aurora",
        "--engine", "aurora-postgresql", "--db-instance-class", "db.r6g.large",
        "--allocated-storage", "20", error="InvalidParameterCombination")
    for instance_id in ("shop-aurora-1", "shop-aurora-2"):
        rds("create-db-instance", "--db-instance-identifier", instance_id, "--db-cluster-identifier", "shop-aurora",
            "--engine", "aurora-postgresql", "--db-instance-class", "db.r6g.large")
        served(rds, clock, instance_id)
    cluster = cluster_served(rds, clock, "shop-aurora")
    writers = [m["DBInstanceIdentifier"] for m in cluster["DBClusterMembers"] if m["IsClusterWriter"]]
    assert writers == ["shop-aurora-1"]

    endpoint, reader, port = cluster["Endpoint"], cluster["ReaderEndpoint"], cluster["Port"]
    psql_at(endpoint, port, "master", "create table orders (id int primary key, item text);"
                                      " insert into orders values (1, 'tea'), (2, 'cake')")
    assert rows_at(reader, port, "2") == "2"
    refused = psql_at(reader, port, "master", "insert into orders values (3, 'no')", check=False)
    assert refused.returncode != 0 and "read-only" in refused.stderr

    failing = rds("failover-db-cluster", "--db-cluster-identifier", "shop-aurora")["DBCluster"]
    assert [m["DBInstanceIdentifier"] for m in failing["DBClusterMembers"] if m["IsClusterWriter"]] == ["shop-aurora-2"]
    cluster_served(rds, clock, "shop-aurora")
    psql_at(endpoint, port, "master", "insert into orders values (3, 'scones')")
    assert rows_at(reader, port, "3") == "3"

    rds("create-db-cluster-snapshot", "--db-cluster-identifier", "shop-aurora", "--db-cluster-snapshot-identifier", "aurora-snap")
    clock.advance(5)
    rds("wait", "db-cluster-snapshot-available", "--db-cluster-snapshot-identifier", "aurora-snap")

    rds("delete-db-cluster", "--db-cluster-identifier", "shop-aurora", "--skip-final-snapshot",
        error="InvalidDBClusterStateFault")
    for instance_id in ("shop-aurora-1", "shop-aurora-2"):
        rds("delete-db-instance", "--db-instance-identifier", instance_id)
    clock.advance(5)
    rds("wait", "db-instance-deleted", "--db-instance-identifier", "shop-aurora-2")
    rds("delete-db-cluster", "--db-cluster-identifier", "shop-aurora", "--skip-final-snapshot")
    clock.advance(5)
    rds("wait", "db-cluster-deleted", "--db-cluster-identifier", "shop-aurora")
    rds("delete-db-cluster-snapshot", "--db-cluster-snapshot-identifier", "aurora-snap")
