package io.cloudjar.app.persist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AlarmState;
import software.amazon.awssdk.services.lightsail.model.ComparisonOperator;
import software.amazon.awssdk.services.lightsail.model.ContactProtocol;
import software.amazon.awssdk.services.lightsail.model.Instance;
import software.amazon.awssdk.services.lightsail.model.MetricName;
import software.amazon.awssdk.services.lightsail.model.Operation;

/**
 * Lightsail's state with PERSISTENCE=1: instances keep their names, ARNs, addresses and states, a static IP its
 * attachment, a domain its entries, key pairs their keys, and the other resource types (disks, alarms, buckets with
 * their access keys, container services, tags, add-ons, operations) are the same after a restart.
 */
class LightsailRestartTest {
    private static final Path DATA = DataDirs.fresh();

    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension().withPersistence(DATA)
            .withEnv("RDS_MARIADB_BIN", "none");

    @org.junit.jupiter.api.AfterEach
    void reset() {
        cloudjar.reset();
    }

    private LightsailClient lightsail() {
        return cloudjar.client(LightsailClient.builder());
    }

    @Test
    void everyResourceTypeSurvivesARestart() throws Exception {
        LightsailClient lightsail = lightsail();
        var key = lightsail.createKeyPair(r -> r.keyPairName("kim"));
        lightsail.createInstances(r -> r.instanceNames("web", "worker").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0").keyPairName("kim")
                .tags(t -> t.key("env").value("lab"))
                .addOns(a -> a.addOnType("AutoSnapshot").autoSnapshotAddOnRequest(s -> s.snapshotTimeOfDay("06:00"))));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        lightsail.allocateStaticIp(r -> r.staticIpName("web-ip"));
        lightsail.attachStaticIp(r -> r.staticIpName("web-ip").instanceName("web"));
        lightsail.stopInstance(r -> r.instanceName("worker"));
        lightsail.openInstancePublicPorts(r -> r.instanceName("web").portInfo(p -> p.fromPort(8080).toPort(8080).protocol("tcp")));
        lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(32));
        lightsail.createDomain(r -> r.domainName("example.com"));
        lightsail.createDomainEntry(r -> r.domainName("example.com").domainEntry(e -> e.name("www.example.com").type("A")
                .target("203.0.113.10")));
        lightsail.putAlarm(r -> r.alarmName("web-cpu").monitoredResourceName("web").metricName(MetricName.CPU_UTILIZATION)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).threshold(80.0).evaluationPeriods(3)
                .contactProtocols(ContactProtocol.EMAIL));
        lightsail.testAlarm(r -> r.alarmName("web-cpu").state(AlarmState.ALARM));
        lightsail.createBucket(r -> r.bucketName("seed-media").bundleId("small_1_0"));
        var accessKey = lightsail.createBucketAccessKey(r -> r.bucketName("seed-media")).accessKey();
        lightsail.createContainerService(r -> r.serviceName("api").power("nano").scale(1));
        cloudjar.advanceClock(Duration.ofDays(1)); // the add-on's 06:00 snapshot has been taken once at least

        var instancesBefore = lightsail.getInstances(r -> { }).instances();
        var staticIpBefore = lightsail.getStaticIp(r -> r.staticIpName("web-ip")).staticIp();
        var domainBefore = lightsail.getDomain(r -> r.domainName("example.com")).domain();
        var diskBefore = lightsail.getDisk(r -> r.diskName("data")).disk();
        var alarmBefore = lightsail.getAlarms(r -> r.alarmName("web-cpu")).alarms();
        var bucketBefore = lightsail.getBuckets(r -> r.bucketName("seed-media").includeConnectedResources(true)).buckets();
        var containerBefore = lightsail.getContainerServices(r -> r.serviceName("api")).containerServices();
        var autoSnapshotsBefore = lightsail.getAutoSnapshots(r -> r.resourceName("web")).autoSnapshots();
        var operationsBefore = lightsail.getOperations(r -> { }).operations();
        assertThat(autoSnapshotsBefore).isNotEmpty();
        assertThat(instancesBefore).hasSize(2);

        cloudjar.restart();
        lightsail = lightsail();

        assertThat(lightsail.getInstances(r -> { }).instances()).isEqualTo(instancesBefore);
        Instance web = lightsail.getInstance(r -> r.instanceName("web")).instance();
        assertThat(web.state().name()).isEqualTo("running");
        assertThat(web.isStaticIp()).isTrue();
        assertThat(web.publicIpAddress()).isEqualTo(staticIpBefore.ipAddress());
        assertThat(lightsail.getInstance(r -> r.instanceName("worker")).instance().state().name()).isEqualTo("stopped");
        assertThat(lightsail.getStaticIp(r -> r.staticIpName("web-ip")).staticIp()).isEqualTo(staticIpBefore);
        assertThat(staticIpBefore.attachedTo()).isEqualTo("web");
        assertThat(lightsail.getDomain(r -> r.domainName("example.com")).domain()).isEqualTo(domainBefore);
        assertThat(domainBefore.domainEntries()).anySatisfy(e -> assertThat(e.target()).isEqualTo("203.0.113.10"));
        assertThat(lightsail.getKeyPair(r -> r.keyPairName("kim")).keyPair()).isEqualTo(key.keyPair());
        assertThat(lightsail.getDisk(r -> r.diskName("data")).disk()).isEqualTo(diskBefore);
        assertThat(lightsail.getAlarms(r -> r.alarmName("web-cpu")).alarms()).isEqualTo(alarmBefore)
                .allSatisfy(a -> assertThat(a.state()).isEqualTo(AlarmState.OK)); // evaluated for a day since the test
        assertThat(lightsail.getBuckets(r -> r.bucketName("seed-media").includeConnectedResources(true)).buckets())
                .isEqualTo(bucketBefore);
        assertThat(lightsail.getBucketAccessKeys(r -> r.bucketName("seed-media")).accessKeys())
                .extracting(k -> k.accessKeyId()).containsExactly(accessKey.accessKeyId());
        assertThat(lightsail.getContainerServices(r -> r.serviceName("api")).containerServices()).isEqualTo(containerBefore);
        assertThat(lightsail.getAutoSnapshots(r -> r.resourceName("web")).autoSnapshots()).isEqualTo(autoSnapshotsBefore);
        assertThat(lightsail.getOperations(r -> { }).operations()).isEqualTo(operationsBefore);

        // new resources after the restart get addresses no kept resource holds, and operations continue the list
        lightsail.createInstances(r -> r.instanceNames("late").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"));
        Instance late = lightsail.getInstance(r -> r.instanceName("late")).instance();
        assertThat(instancesBefore).extracting(Instance::privateIpAddress).doesNotContain(late.privateIpAddress());
        var operationsAfter = lightsail.getOperations(r -> { }).operations();
        assertThat(operationsAfter.subList(0, operationsBefore.size())).isEqualTo(operationsBefore);
        assertThat(operationsAfter).extracting(Operation::resourceName).last().isEqualTo("late");
    }

    private String http(String method, String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(cloudjar.endpoint() + path)).method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
        return response.body();
    }

    private com.fasterxml.jackson.databind.JsonNode notifications() throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(http("GET", "/_cloudjar/lightsail/notifications"))
                .get("notifications");
    }

    @Test
    void notificationsVerificationMetricHistoryAndHttpsSetupsSurviveARestart() throws Exception {
        LightsailClient lightsail = lightsail();
        lightsail.createInstances(r -> r.instanceNames("site").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"));
        cloudjar.advanceClock(Duration.ofHours(1));
        lightsail.stopInstance(r -> r.instanceName("site")); // the hour it ran is kept apart from its latest start
        cloudjar.advanceClock(Duration.ofMinutes(10));
        lightsail.startInstance(r -> r.instanceName("site"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        java.time.Instant end = cloudjar.clock().now();
        java.util.function.Supplier<java.util.List<software.amazon.awssdk.services.lightsail.model.MetricDatapoint>> cpu = () ->
                lightsail().getInstanceMetricData(r -> r.instanceName("site").metricName("CPUUtilization").period(300)
                        .startTime(end.minus(Duration.ofHours(2))).endTime(end).unit("Percent").statisticsWithStrings("Average"))
                        .metricData();
        var cpuBefore = cpu.get();
        assertThat(cpuBefore).hasSizeGreaterThan(10); // the hour before the stop as well as the minutes since the start

        lightsail.createContactMethod(r -> r.protocol(ContactProtocol.EMAIL).contactEndpoint("ops@example.com"));
        lightsail.putAlarm(r -> r.alarmName("site-cpu").monitoredResourceName("site").metricName(MetricName.CPU_UTILIZATION)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).threshold(80.0).evaluationPeriods(1)
                .contactProtocols(ContactProtocol.EMAIL).notificationEnabled(true).notificationTriggers(AlarmState.ALARM, AlarmState.OK));
        lightsail.testAlarm(r -> r.alarmName("site-cpu").state(AlarmState.ALARM)); // not delivered: not verified yet
        lightsail.setupInstanceHttps(r -> r.instanceName("site").emailAddress("me@example.com")
                .domainNames("www.example.com").certificateProvider("LetsEncrypt"));
        cloudjar.advanceClock(Duration.ofSeconds(10));
        var httpsBefore = lightsail.getSetupHistory(r -> r.resourceName("site")).setupHistory();
        assertThat(httpsBefore).hasSize(1);
        var notificationsBefore = notifications();
        assertThat(notificationsBefore).extracting(n -> n.get("kind").asText())
                .contains("ContactMethodVerification", "AlarmNotification");

        cloudjar.restart();
        lightsail = lightsail();

        assertThat(cpu.get()).isEqualTo(cpuBefore);
        assertThat(lightsail.getSetupHistory(r -> r.resourceName("site")).setupHistory()).isEqualTo(httpsBefore);
        assertThat(notifications()).isEqualTo(notificationsBefore);

        // the link sent before the restart still verifies the address; later notifications follow the kept ones
        String link = null;
        for (var n : notificationsBefore) {
            if (n.get("kind").asText().equals("ContactMethodVerification")) {
                link = n.at("/message/verificationLink").asText();
            }
        }
        http("POST", link);
        lightsail.testAlarm(r -> r.alarmName("site-cpu").state(AlarmState.OK));
        var after = notifications();
        assertThat(after).hasSize(notificationsBefore.size() + 1);
        assertThat(after.get(after.size() - 1).get("delivered").asBoolean()).isTrue();

        cloudjar.restart(); // the verification, made outside any Lightsail call, was kept too
        assertThat(lightsail().getContactMethods(r -> { }).contactMethods())
                .extracting(m -> m.statusAsString()).containsExactly("Valid");
        http("DELETE", "/_cloudjar/lightsail/notifications");
        cloudjar.restart();
        assertThat(notifications()).isEmpty();
    }

    @Test
    void contentDeliveryExportsPeeringHostKeysGuiSessionsAndImagesSurviveARestart() throws Exception {
        LightsailClient lightsail = lightsail();
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a")
                .blueprintId("ubuntu_22_04").bundleId("nano_3_0"));
        lightsail.createInstances(r -> r.instanceNames("desk").availabilityZone("us-east-1a")
                .blueprintId("windows_server_2022").bundleId("small_win_3_0"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        lightsail.createCertificate(r -> r.certificateName("site-cert").domainName("example.com"));
        lightsail.createDistribution(r -> r.distributionName("cdn").origin(o -> o.name("web").regionName("us-east-1"))
                .defaultCacheBehavior(b -> b.behavior("cache")).bundleId("small_1_0"));
        lightsail.startGUISession(r -> r.resourceName("desk"));
        lightsail.peerVpc(r -> { });
        lightsail.createInstanceSnapshot(r -> r.instanceName("web").instanceSnapshotName("web-snap"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        lightsail.exportSnapshot(r -> r.sourceSnapshotName("web-snap"));
        lightsail.createContainerService(r -> r.serviceName("api").power("nano").scale(1));
        lightsail.registerContainerImage(r -> r.serviceName("api").label("web")
                .digest("sha256:" + "ab".repeat(32)));

        var certificates = lightsail.getCertificates(r -> r.includeCertificateDetails(true)).certificates();
        var distributions = lightsail.getDistributions(r -> { }).distributions();
        var guiSession = lightsail.createGUISessionAccessDetails(r -> r.resourceName("desk")).status();
        var hostKeys = lightsail.getInstanceAccessDetails(r -> r.instanceName("web")).accessDetails().hostKeys();
        var exports = lightsail.getExportSnapshotRecords(r -> { }).exportSnapshotRecords();
        var images = lightsail.getContainerImages(r -> r.serviceName("api")).containerImages();
        assertThat(certificates).hasSize(1);
        assertThat(distributions).hasSize(1);
        assertThat(hostKeys).hasSize(3);
        assertThat(exports).hasSize(1);
        assertThat(images).hasSize(1);

        cloudjar.restart();
        LightsailClient after = lightsail();

        assertThat(after.getCertificates(r -> r.includeCertificateDetails(true)).certificates()).isEqualTo(certificates);
        assertThat(after.getDistributions(r -> { }).distributions()).isEqualTo(distributions);
        assertThat(after.createGUISessionAccessDetails(r -> r.resourceName("desk")).status()).isEqualTo(guiSession);
        assertThat(after.getInstance(r -> r.instanceName("desk")).instance().name()).isEqualTo("desk"); // not a GUI session
        assertThat(after.getInstanceAccessDetails(r -> r.instanceName("web")).accessDetails().hostKeys())
                .extracting(k -> k.fingerprintSHA256()).isEqualTo(hostKeys.stream().map(k -> k.fingerprintSHA256()).toList());
        assertThat(after.isVpcPeered(r -> { }).isPeered()).isTrue();
        assertThat(after.getExportSnapshotRecords(r -> { }).exportSnapshotRecords()).isEqualTo(exports);
        assertThat(after.getContainerImages(r -> r.serviceName("api")).containerImages()).isEqualTo(images);
    }

    /** Waits (wall clock) until the managed database's real server accepts connections. */
    private static software.amazon.awssdk.services.lightsail.model.RelationalDatabase available(LightsailClient lightsail,
            String name) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            var db = lightsail.getRelationalDatabase(r -> r.relationalDatabaseName(name)).relationalDatabase();
            if (!java.util.Set.of("creating", "starting", "rebooting").contains(db.state())) {
                assertThat(db.state()).isEqualTo("available");
                return db;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " never became available");
    }

    private static long count(software.amazon.awssdk.services.lightsail.model.RelationalDatabase db, String password)
            throws java.sql.SQLException {
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + db.masterEndpoint().port() + "/"
                + db.masterDatabaseName(), db.masterUsername(), password); var s = c.createStatement();
             var rows = s.executeQuery("select count(*) from orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aManagedDatabaseServesItsRowsAgainAfterARestart() throws Exception {
        RdsRestartTest.assumePostgres();
        LightsailClient lightsail = lightsail();
        lightsail.createRelationalDatabase(r -> r.relationalDatabaseName("shop-db").availabilityZone("us-east-1a")
                .relationalDatabaseBlueprintId("postgres_16").relationalDatabaseBundleId("micro_2_0").masterDatabaseName("shop")
                .masterUsername("shopadmin").masterUserPassword("Secret-pass1"));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        var before = available(lightsail, "shop-db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + before.masterEndpoint().port()
                + "/shop", "shopadmin", "Secret-pass1"); var s = c.createStatement()) {
            s.execute("create table orders (id int); insert into orders values (1), (2)");
        }

        cloudjar.restart();
        lightsail = lightsail();

        var after = available(lightsail, "shop-db");
        assertThat(after.masterEndpoint()).isEqualTo(before.masterEndpoint());
        assertThat(after.arn()).isEqualTo(before.arn());
        assertThat(count(after, "Secret-pass1")).isEqualTo(2);
        lightsail.deleteRelationalDatabase(r -> r.relationalDatabaseName("shop-db").skipFinalSnapshot(true));
    }
}
