package io.cloudjar.ec2;

import io.cloudjar.vpc.api.InterfaceInfo;
import io.cloudjar.vpc.api.Scope;
import io.cloudjar.vpc.api.SecurityGroupInfo;
import io.cloudjar.vpc.api.SubnetInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the instance metadata service shows of one instance, as the tree under {@code /latest/}: {@code meta-data/}
 * (identity, placement, addresses and interfaces as they are now in service-vpc, security groups, key, tags when
 * the instance allows them, IAM role credentials via {@link ImdsIam}), {@code dynamic/instance-identity/document}
 * and {@code user-data} (decoded, only when the instance has some). Built per request, so it always shows the
 * instance's current addresses (a new public IP after stop/start, an Elastic IP).
 */
final class InstanceMetadata {
    private InstanceMetadata() {
    }

    static MetadataTree latest(ComputeStore store, Scope scope, InstanceRecord instance, Instant now) {
        List<InterfaceInfo> interfaces = store.networking().interfacesOf(scope, instance.instanceId());
        InterfaceInfo primary = interfaces.stream().filter(i -> i.attachment() != null && i.attachment().deviceIndex() == 0)
                .findFirst().orElse(interfaces.isEmpty() ? null : interfaces.get(0));
        MetadataTree latest = new MetadataTree();
        MetadataTree metaData = latest.dir("meta-data", "meta-data"); // /latest/ lists its entries without slashes
        identity(metaData, scope, instance);
        if (primary != null) {
            addresses(metaData, primary);
        }
        MetadataTree macs = metaData.dir("network").dir("interfaces").dir("macs");
        for (InterfaceInfo eni : interfaces) {
            networkInterface(macs.dir(eni.macAddress()), store, scope, eni);
        }
        keys(metaData, store, scope, instance);
        if (instance.settings().metadata().instanceMetadataTags().equals("enabled")) {
            MetadataTree tags = metaData.dir("tags").dir("instance");
            instance.tags().forEach(tags::text);
        }
        ImdsIam.add(metaData, store, scope, instance, now);
        latest.dir("dynamic", "dynamic").dir("instance-identity").value("document",
                () -> ImdsAnswers.json(identityDocument(scope, instance, primary)));
        String userData = instance.settings().userData();
        if (userData != null) {
            latest.value("user-data", () -> ImdsAnswers.bytes(Base64.getMimeDecoder().decode(userData)));
        }
        return latest;
    }

    private static void identity(MetadataTree metaData, Scope scope, InstanceRecord instance) {
        InstanceLaunch l = instance.launch();
        metaData.text("ami-id", l.imageId())
                .text("ami-launch-index", Integer.toString(l.amiLaunchIndex()))
                .text("ami-manifest-path", "(unknown)")
                .text("instance-action", "none")
                .text("instance-id", l.instanceId())
                .text("instance-life-cycle", "on-demand")
                .text("instance-type", instance.instanceType())
                .text("reservation-id", l.reservationId());
        metaData.dir("block-device-mapping").text("ami", l.rootDeviceName()).text("root", l.rootDeviceName());
        metaData.dir("placement").text("availability-zone", l.availabilityZone())
                .text("availability-zone-id", l.zoneId())
                .text("region", scope.region());
        String partition = scope.region().startsWith("cn-") ? "aws-cn"
                : scope.region().startsWith("us-gov-") ? "aws-us-gov" : "aws";
        metaData.dir("services").text("domain", partition.equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com")
                .text("partition", partition);
    }

    /** The primary interface's addresses at the top of meta-data/; public ones only while it has one. */
    private static void addresses(MetadataTree metaData, InterfaceInfo primary) {
        metaData.text("hostname", primary.privateDnsName())
                .text("local-hostname", primary.privateDnsName())
                .text("local-ipv4", primary.privateIpAddress())
                .text("mac", primary.macAddress())
                .text("security-groups", lines(primary.groups().stream().map(SecurityGroupInfo::groupName).toList()));
        if (primary.association() != null) {
            metaData.text("public-ipv4", primary.association().publicIp())
                    .text("public-hostname", blankToNull(primary.association().publicDnsName()));
        }
    }

    private static void networkInterface(MetadataTree mac, ComputeStore store, Scope scope, InterfaceInfo eni) {
        mac.text("device-number", eni.attachment() == null ? null : Integer.toString(eni.attachment().deviceIndex()))
                .text("interface-id", eni.networkInterfaceId())
                .text("local-hostname", eni.privateDnsName())
                .text("local-ipv4s", lines(eni.privateIpAddresses().stream().map(InterfaceInfo.PrivateIp::privateIpAddress).toList()))
                .text("mac", eni.macAddress())
                .text("owner-id", eni.ownerId())
                .text("security-group-ids", lines(eni.groups().stream().map(SecurityGroupInfo::groupId).toList()))
                .text("security-groups", lines(eni.groups().stream().map(SecurityGroupInfo::groupName).toList()))
                .text("subnet-id", eni.subnetId())
                .text("subnet-ipv4-cidr-block", subnetCidr(store, scope, eni.subnetId()))
                .text("vpc-id", eni.vpcId());
        List<InterfaceInfo.PrivateIp> publicOnes = eni.privateIpAddresses().stream().filter(p -> p.association() != null).toList();
        if (!publicOnes.isEmpty()) {
            MetadataTree associations = mac.dir("ipv4-associations");
            publicOnes.forEach(p -> associations.text(p.association().publicIp(), p.privateIpAddress()));
            mac.text("public-ipv4s", lines(publicOnes.stream().map(p -> p.association().publicIp()).toList()));
        }
        if (eni.association() != null) {
            mac.text("public-hostname", blankToNull(eni.association().publicDnsName()));
        }
    }

    private static String subnetCidr(ComputeStore store, Scope scope, String subnetId) {
        try {
            SubnetInfo subnet = store.networking().subnet(scope, subnetId);
            return subnet.cidrBlock();
        } catch (RuntimeException deletedMeanwhile) {
            return null;
        }
    }

    /**
     * {@code public-keys/} lists {@code 0=KEY_NAME}; {@code public-keys/0/openssh-key} is the OpenSSH public key
     * line with the key name as its comment, as EC2 shows it.
     */
    private static void keys(MetadataTree metaData, ComputeStore store, Scope scope, InstanceRecord instance) {
        String keyName = instance.launch().keyName();
        if (keyName == null) {
            return;
        }
        store.get(scope.accountId(), scope.region()).keyPair(keyName).ifPresent(key ->
                metaData.dir("public-keys").dir("0", "0=" + keyName).text("openssh-key", key.publicKey() + " " + keyName));
    }

    /** {@code dynamic/instance-identity/document}, with EC2's members in EC2's order. */
    private static Map<String, Object> identityDocument(Scope scope, InstanceRecord instance, InterfaceInfo primary) {
        InstanceLaunch l = instance.launch();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("accountId", scope.accountId());
        doc.put("architecture", l.architecture());
        doc.put("availabilityZone", l.availabilityZone());
        doc.put("billingProducts", null);
        doc.put("devpayProductCodes", null);
        doc.put("marketplaceProductCodes", null);
        doc.put("imageId", l.imageId());
        doc.put("instanceId", l.instanceId());
        doc.put("instanceType", instance.instanceType());
        doc.put("kernelId", null);
        doc.put("pendingTime", l.launchTime().truncatedTo(ChronoUnit.SECONDS).toString());
        doc.put("privateIp", primary == null ? null : primary.privateIpAddress());
        doc.put("ramdiskId", null);
        doc.put("region", scope.region());
        doc.put("version", "2017-09-30");
        return doc;
    }

    private static String lines(List<String> values) {
        return values.isEmpty() ? null : values.stream().collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
