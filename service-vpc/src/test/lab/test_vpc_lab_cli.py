"""The seed lab built with the AWS CLI, as a learner types it, and torn down again.

VPC 10.0.0.0/16 in Seoul; public and private /24 subnets in two zones; an internet gateway; a NAT gateway
with an Elastic IP; public and private route tables; a web security group (22, 80, 443, 8000); a network
ACL for the private subnets. Run from JUnit (VpcLabScriptsTest), which loads the shared fixtures of the core test kit (cloudjar_pytest).
"""
import json

CLI_REGION = "ap-northeast-2"  # Seoul, where the seed lab is built

ZONES = ["ap-northeast-2a", "ap-northeast-2c"]
WEB_PORTS = [22, 80, 443, 8000]


def tag(resource_type, name):
    return f"ResourceType={resource_type},Tags=[{{Key=Name,Value={name}}}]"


def test_seed_lab_builds_and_tears_down_completely(ec2, clock):
    before = ec2("describe-vpcs")["Vpcs"]
    assert [v["CidrBlock"] for v in before] == ["172.31.0.0/16"], "only the default VPC at the start"

    # 1. The VPC and its automatic companions.
    vpc = ec2("create-vpc", "--cidr-block", "10.0.0.0/16", "--tag-specifications", tag("vpc", "lab-vpc"))["Vpc"]
    vpc_id = vpc["VpcId"]
    ec2("modify-vpc-attribute", "--vpc-id", vpc_id, "--enable-dns-hostnames", '{"Value":true}')
    assert ec2("describe-vpc-attribute", "--vpc-id", vpc_id, "--attribute", "enableDnsHostnames")["EnableDnsHostnames"] == {"Value": True}
    main_rt = ec2("describe-route-tables", "--filters", f"Name=vpc-id,Values={vpc_id}", "Name=association.main,Values=true")["RouteTables"]
    assert len(main_rt) == 1 and main_rt[0]["Routes"][0]["GatewayId"] == "local"
    default_acl = ec2("describe-network-acls", "--filters", f"Name=vpc-id,Values={vpc_id}", "Name=default,Values=true")["NetworkAcls"]
    assert len(default_acl) == 1
    default_sg = ec2("describe-security-groups", "--filters", f"Name=vpc-id,Values={vpc_id}", "Name=group-name,Values=default")
    assert len(default_sg["SecurityGroups"]) == 1

    # 2. Subnets: a /24 has 256 addresses, AWS keeps 5 of them.
    public, private = [], []
    for i, zone in enumerate(ZONES):
        public.append(ec2("create-subnet", "--vpc-id", vpc_id, "--cidr-block", f"10.0.{i + 1}.0/24", "--availability-zone", zone,
                          "--tag-specifications", tag("subnet", f"lab-public-{zone[-1]}"))["Subnet"]["SubnetId"])
        private.append(ec2("create-subnet", "--vpc-id", vpc_id, "--cidr-block", f"10.0.{i + 11}.0/24", "--availability-zone", zone,
                           "--tag-specifications", tag("subnet", f"lab-private-{zone[-1]}"))["Subnet"]["SubnetId"])
    for subnet_id in public:
        ec2("modify-subnet-attribute", "--subnet-id", subnet_id, "--map-public-ip-on-launch")
    subnets = {s["SubnetId"]: s for s in ec2("describe-subnets", "--filters", f"Name=vpc-id,Values={vpc_id}")["Subnets"]}
    assert {s["AvailableIpAddressCount"] for s in subnets.values()} == {251}
    assert [subnets[s]["MapPublicIpOnLaunch"] for s in public] == [True, True]
    assert [subnets[s]["MapPublicIpOnLaunch"] for s in private] == [False, False]
    ec2("create-subnet", "--vpc-id", vpc_id, "--cidr-block", "10.0.1.128/25", error="InvalidSubnet.Conflict")
    ec2("create-subnet", "--vpc-id", vpc_id, "--cidr-block", "10.1.0.0/24", error="InvalidSubnet.Range")

    # 3. One internet gateway per VPC.
    igw_id = ec2("create-internet-gateway", "--tag-specifications", tag("internet-gateway", "lab-igw"))["InternetGateway"]["InternetGatewayId"]
    ec2("attach-internet-gateway", "--internet-gateway-id", igw_id, "--vpc-id", vpc_id)
    spare_igw = ec2("create-internet-gateway")["InternetGateway"]["InternetGatewayId"]
    ec2("attach-internet-gateway", "--internet-gateway-id", spare_igw, "--vpc-id", vpc_id, error="Resource.AlreadyAssociated")
    ec2("delete-internet-gateway", "--internet-gateway-id", spare_igw)
    attachments = ec2("describe-internet-gateways", "--internet-gateway-ids", igw_id)["InternetGateways"][0]["Attachments"]
    assert attachments == [{"State": "available", "VpcId": vpc_id}]

    # 4. A NAT gateway with an Elastic IP in the first public subnet.
    eip = ec2("allocate-address", "--domain", "vpc", "--tag-specifications", tag("elastic-ip", "lab-nat-eip"))
    nat = ec2("create-nat-gateway", "--subnet-id", public[0], "--allocation-id", eip["AllocationId"],
              "--tag-specifications", tag("natgateway", "lab-nat"))["NatGateway"]
    nat_id = nat["NatGatewayId"]
    assert nat["State"] == "pending"

    # 5. The public route table sends 0.0.0.0/0 to the internet gateway.
    public_rt = ec2("create-route-table", "--vpc-id", vpc_id, "--tag-specifications", tag("route-table", "lab-public-rt"))["RouteTable"]["RouteTableId"]
    ec2("create-route", "--route-table-id", public_rt, "--destination-cidr-block", "0.0.0.0/0", "--gateway-id", igw_id)
    ec2("create-route", "--route-table-id", public_rt, "--destination-cidr-block", "0.0.0.0/0", "--gateway-id", igw_id,
        error="RouteAlreadyExists")
    public_assocs = [ec2("associate-route-table", "--route-table-id", public_rt, "--subnet-id", s)["AssociationId"] for s in public]

    # 6. The web security group: ssh, http, https and the app port, from anywhere.
    sg_id = ec2("create-security-group", "--group-name", "lab-web", "--description", "web server", "--vpc-id", vpc_id)["GroupId"]
    ec2("create-security-group", "--group-name", "lab-web", "--description", "again", "--vpc-id", vpc_id, error="InvalidGroup.Duplicate")
    for port in WEB_PORTS:
        added = ec2("authorize-security-group-ingress", "--group-id", sg_id, "--protocol", "tcp", "--port", str(port), "--cidr", "0.0.0.0/0")
        assert added["Return"] is True and added["SecurityGroupRules"][0]["SecurityGroupRuleId"].startswith("sgr-")
    ec2("authorize-security-group-ingress", "--group-id", sg_id, "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0",
        error="InvalidPermission.Duplicate")
    group = ec2("describe-security-groups", "--group-ids", sg_id)["SecurityGroups"][0]
    assert sorted((p["IpProtocol"], p["FromPort"], p["ToPort"], p["IpRanges"][0]["CidrIp"]) for p in group["IpPermissions"]) == \
        [("tcp", port, port, "0.0.0.0/0") for port in sorted(WEB_PORTS)]
    assert group["IpPermissionsEgress"][0]["IpProtocol"] == "-1", "a new group may send anything out"
    rules = ec2("describe-security-group-rules", "--filters", f"Name=group-id,Values={sg_id}")["SecurityGroupRules"]
    assert len(rules) == 5 and len([r for r in rules if not r["IsEgress"]]) == 4

    # 7. A network ACL for the private subnets: stateless, numbered, allow and deny.
    acl_id = ec2("create-network-acl", "--vpc-id", vpc_id, "--tag-specifications", tag("network-acl", "lab-private-nacl"))["NetworkAcl"]["NetworkAclId"]
    ec2("create-network-acl-entry", "--network-acl-id", acl_id, "--ingress", "--rule-number", "100", "--protocol", "tcp",
        "--port-range", "From=0,To=65535", "--cidr-block", "10.0.0.0/16", "--rule-action", "allow")
    ec2("create-network-acl-entry", "--network-acl-id", acl_id, "--ingress", "--rule-number", "200", "--protocol", "tcp",
        "--port-range", "From=22,To=22", "--cidr-block", "0.0.0.0/0", "--rule-action", "deny")
    ec2("create-network-acl-entry", "--network-acl-id", acl_id, "--egress", "--rule-number", "100", "--protocol", "-1",
        "--cidr-block", "0.0.0.0/0", "--rule-action", "allow")
    ec2("create-network-acl-entry", "--network-acl-id", acl_id, "--ingress", "--rule-number", "100", "--protocol", "-1",
        "--cidr-block", "0.0.0.0/0", "--rule-action", "allow", error="NetworkAclEntryAlreadyExists")
    for subnet_id in private:
        current = ec2("describe-network-acls", "--filters", f"Name=association.subnet-id,Values={subnet_id}")["NetworkAcls"][0]
        association = next(a for a in current["Associations"] if a["SubnetId"] == subnet_id)
        ec2("replace-network-acl-association", "--association-id", association["NetworkAclAssociationId"], "--network-acl-id", acl_id)
    acl = ec2("describe-network-acls", "--network-acl-ids", acl_id)["NetworkAcls"][0]
    assert sorted(a["SubnetId"] for a in acl["Associations"]) == sorted(private)
    assert [(e["RuleNumber"], e["Protocol"], e["RuleAction"]) for e in acl["Entries"] if not e["Egress"]] == \
        [(100, "6", "allow"), (200, "6", "deny"), (32767, "-1", "deny")]

    # 8. Once the NAT gateway is available (a second on the emulator clock), the private route table sends
    # 0.0.0.0/0 through it.
    clock.advance(2)
    ec2("wait", "nat-gateway-available", "--nat-gateway-ids", nat_id)
    nat = ec2("describe-nat-gateways", "--nat-gateway-ids", nat_id)["NatGateways"][0]
    assert nat["NatGatewayAddresses"][0]["PublicIp"] == eip["PublicIp"]
    assert ec2("describe-subnets", "--subnet-ids", public[0])["Subnets"][0]["AvailableIpAddressCount"] == 250, "the NAT took an address"
    private_rt = ec2("create-route-table", "--vpc-id", vpc_id)["RouteTable"]["RouteTableId"]
    ec2("create-route", "--route-table-id", private_rt, "--destination-cidr-block", "0.0.0.0/0", "--nat-gateway-id", nat_id)
    private_assocs = [ec2("associate-route-table", "--route-table-id", private_rt, "--subnet-id", s)["AssociationId"] for s in private]
    routes = ec2("describe-route-tables", "--route-table-ids", private_rt)["RouteTables"][0]["Routes"]
    assert [(r["DestinationCidrBlock"], r.get("NatGatewayId", r.get("GatewayId")), r["State"]) for r in routes] == \
        [("10.0.0.0/16", "local", "active"), ("0.0.0.0/0", nat_id, "active")]
    address = ec2("describe-addresses", "--allocation-ids", eip["AllocationId"])["Addresses"][0]
    assert address["NetworkInterfaceId"] == nat["NatGatewayAddresses"][0]["NetworkInterfaceId"]
    tagged = ec2("describe-tags", "--filters", "Name=key,Values=Name", "Name=value,Values=lab-*")["Tags"]
    assert {t["ResourceType"] for t in tagged} >= {"vpc", "subnet", "internet-gateway", "natgateway", "route-table", "network-acl", "elastic-ip"}

    # Nothing in use can go yet.
    ec2("delete-vpc", "--vpc-id", vpc_id, error="DependencyViolation")
    ec2("release-address", "--allocation-id", eip["AllocationId"], error="InvalidIPAddress.InUse")
    ec2("delete-subnet", "--subnet-id", public[0], error="DependencyViolation")

    # 9. Tear down, dependencies first; the NAT gateway takes longest, so it goes first.
    ec2("delete-nat-gateway", "--nat-gateway-id", nat_id)
    routes = ec2("describe-route-tables", "--route-table-ids", private_rt)["RouteTables"][0]["Routes"]
    assert routes[1]["State"] == "blackhole", "a route to a deleted NAT gateway goes nowhere"
    for association in public_assocs + private_assocs:
        ec2("disassociate-route-table", "--association-id", association)
    ec2("delete-route-table", "--route-table-id", public_rt)
    ec2("delete-route-table", "--route-table-id", private_rt)
    clock.advance(2)
    ec2("wait", "nat-gateway-deleted", "--nat-gateway-ids", nat_id)
    ec2("release-address", "--allocation-id", eip["AllocationId"])
    ec2("delete-security-group", "--group-id", sg_id)
    ec2("detach-internet-gateway", "--internet-gateway-id", igw_id, "--vpc-id", vpc_id)
    ec2("delete-internet-gateway", "--internet-gateway-id", igw_id)
    for subnet_id in public + private:
        ec2("delete-subnet", "--subnet-id", subnet_id)
    ec2("delete-network-acl", "--network-acl-id", acl_id)
    ec2("delete-vpc", "--vpc-id", vpc_id)

    assert [v["CidrBlock"] for v in ec2("describe-vpcs")["Vpcs"]] == ["172.31.0.0/16"]
    assert ec2("describe-addresses")["Addresses"] == []
    assert all(s["DefaultForAz"] for s in ec2("describe-subnets")["Subnets"])
    assert ec2("describe-tags", "--filters", "Name=value,Values=lab-*")["Tags"] == []
