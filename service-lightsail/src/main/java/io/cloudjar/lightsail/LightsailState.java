package io.cloudjar.lightsail;

import io.cloudjar.core.persist.KeptMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.lightsail.model.ResourceType;

/**
 * Lightsail's resources in one account and region: one {@link Table} per resource type, the operations log, and
 * the lock a change that spans several resources (attach a static IP, delete an instance with its disks) holds.
 * A new resource type adds its table here and to {@link #tables()}.
 */
final class LightsailState {
    final Object lock = new Object();
    final Operations operations;
    /** What alarms and contact methods would have sent (recorded, not sent). */
    final Notifications notifications;
    // compute: key pairs, instances, static IPs, disks, snapshots
    final Table<KeyPairRecord> keyPairs = new Table<>(ResourceType.KEY_PAIR);
    final Table<InstanceRecord> instances = new Table<>(ResourceType.INSTANCE);
    final Table<StaticIpRecord> staticIps = new Table<>(ResourceType.STATIC_IP);
    final Table<DiskRecord> disks = new Table<>(ResourceType.DISK);
    final Table<InstanceSnapshotRecord> instanceSnapshots = new Table<>(ResourceType.INSTANCE_SNAPSHOT);
    final Table<DiskSnapshotRecord> diskSnapshots = new Table<>(ResourceType.DISK_SNAPSHOT);
    final Table<RelationalDatabaseRecord> databases = new Table<>(ResourceType.RELATIONAL_DATABASE);
    final Table<DatabaseSnapshotRecord> databaseSnapshots = new Table<>(ResourceType.RELATIONAL_DATABASE_SNAPSHOT);
    final Addresses addresses;
    final RunHistory runs;
    /** SetupInstanceHttps runs (the latest five) by instance ARN. */
    final KeptMap<String, List<HttpsSetupRecord>> httpsSetups;
    /** The automatic snapshot add-ons enabled, by the ARN of their instance or disk. */
    final KeptMap<String, AutoSnapshots> autoSnapshots;
    // networking and services (domains, load balancers, certificates, containers, buckets, alarms, contact methods)
    final Table<DomainRecord> domains = new Table<>(ResourceType.DOMAIN);
    final Table<LoadBalancerRecord> loadBalancers = new Table<>(ResourceType.LOAD_BALANCER);
    final Table<LoadBalancerCertificateRecord> loadBalancerCertificates = new Table<>(ResourceType.LOAD_BALANCER_TLS_CERTIFICATE);
    final Table<ContainerServiceRecord> containerServices = new Table<>(ResourceType.CONTAINER_SERVICE);
    final Table<BucketRecord> buckets = new Table<>(ResourceType.BUCKET);
    final Table<AlarmRecord> alarms = new Table<>(ResourceType.ALARM);
    final Table<ContactMethodRecord> contactMethods = new Table<>(ResourceType.CONTACT_METHOD);
    // content delivery: standalone certificates and distributions (distributions in us-east-1 only)
    final Table<CertificateRecord> certificates = new Table<>(ResourceType.CERTIFICATE);
    final Table<DistributionRecord> distributions = new Table<>(ResourceType.DISTRIBUTION);
    // peering and export to EC2 (ls-c)
    final Table<PeeredVpcRecord> peeredVpcs = new Table<>(ResourceType.PEERED_VPC);
    final Table<ExportSnapshotRecord> exportSnapshotRecords = new Table<>(ResourceType.EXPORT_SNAPSHOT_RECORD);
    final Table<CloudFormationStackRecord> cloudFormationStackRecords = new Table<>(ResourceType.CLOUD_FORMATION_STACK_RECORD);
    /** GUI sessions by instance ARN (the table's type is Instance, whose table comes first in {@link #tables()}). */
    final Table<GuiSessionRecord> guiSessions = new Table<>(ResourceType.INSTANCE, "GuiSession");

    /**
     * A state whose every change is written to the state file through {@code kept} (every table of {@link #tables()},
     * whatever its type, the operations, the addresses in use, the automatic snapshot add-ons, the notifications, the
     * run history and the HTTPS set-up runs).
     */
    LightsailState(LightsailRecords.Scoped kept) {
        this.operations = new Operations(kept::operation);
        this.addresses = new Addresses(kept::address);
        this.notifications = new Notifications(kept.notifications());
        this.runs = new RunHistory(new KeptMap<>(kept::runs, arn -> kept.runs(arn, null)));
        this.httpsSetups = new KeptMap<>(kept::httpsSetups, arn -> kept.httpsSetups(arn, null));
        this.autoSnapshots = new KeptMap<>(kept::autoSnapshots, arn -> kept.autoSnapshots(arn, null));
        tables().forEach(table -> table.keptIn(kept));
    }

    /** Every table, for the calls that find a resource by name or ARN whatever its type (tags, authorization). */
    List<Table<?>> tables() {
        return List.of(keyPairs, instances, staticIps, disks, instanceSnapshots, diskSnapshots, databases, databaseSnapshots
                // networking and services
                , domains, loadBalancers, loadBalancerCertificates, containerServices, buckets, alarms, contactMethods
                // content delivery
                , certificates, distributions
                // peering and export to EC2 (ls-c)
                , peeredVpcs, exportSnapshotRecords, cloudFormationStackRecords, guiSessions
        );
    }

    /** The address of the static IP attached to {@code instance}, or null. */
    String staticIpOf(InstanceRecord instance) {
        return instance.staticIpName() == null ? null
                : staticIps.find(instance.staticIpName()).map(StaticIpRecord::ipAddress).orElse(null);
    }

    /** The table of that {@link Table#kind()}, as the state file names it. */
    Optional<Table<?>> tableOfKind(String kind) {
        return tables().stream().filter(t -> t.kind().equals(kind)).findFirst();
    }

    Optional<Table<?>> table(ResourceType type) {
        return tables().stream().filter(t -> t.type() == type).findFirst();
    }

    /**
     * Whether a resource of the region already has {@code name}: Lightsail names are one namespace across resource
     * types (an instance cannot take its key pair's or static IP's name, nor a DNS zone a us-east-1 resource's; AWS
     * answers "Some names are already in use"). Alarms and contact methods are named apart.
     */
    boolean nameTaken(String name) {
        return named(name).anyMatch(r -> r.meta().type() != ResourceType.ALARM && r.meta().type() != ResourceType.CONTACT_METHOD);
    }

    /** Resources of any type named {@code name}. */
    Stream<LightsailResource<?>> named(String name) {
        return tables().stream().flatMap(t -> t.find(name).stream());
    }

    Optional<LightsailResource<?>> byArn(String arn) {
        return tables().stream().flatMap(t -> t.findByArn(arn).stream()).<LightsailResource<?>>map(r -> r).findFirst();
    }
}
