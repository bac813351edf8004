package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.AutoSnapshotDetails;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;

/** The automatic snapshot add-on: a snapshot a day at the chosen hour on the emulator clock, the last seven kept. */
class AutoSnapshotsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension()
                    .withClock(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC)));
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void dailySnapshotsAreKeptForAWeekAndRestoreIntoInstances() {
        lightsail.createInstances(r -> r.instanceNames("web").availabilityZone("us-east-1a").blueprintId("ubuntu_22_04")
                .bundleId("nano_3_0").addOns(a -> a.addOnType("AutoSnapshot").autoSnapshotAddOnRequest(s -> s.snapshotTimeOfDay("06:00"))));
        assertThat(lightsail.getAutoSnapshots(r -> r.resourceName("web")).autoSnapshots()).isEmpty();
        cloudjar.advanceClock(Duration.ofDays(1)); // 2 March 10:00: the 06:00 snapshot of 2 March
        assertThat(lightsail.getAutoSnapshots(r -> r.resourceName("web")).autoSnapshots()).extracting(AutoSnapshotDetails::date)
                .containsExactly("2026-03-02");
        cloudjar.advanceClock(Duration.ofDays(9)); // 11 March: 5..11 March kept
        var snapshots = lightsail.getAutoSnapshots(r -> r.resourceName("web"));
        assertThat(snapshots.resourceTypeAsString()).isEqualTo("Instance");
        assertThat(snapshots.autoSnapshots()).extracting(AutoSnapshotDetails::date).containsExactly("2026-03-05",
                "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10", "2026-03-11");
        assertThat(snapshots.autoSnapshots().get(0).createdAt()).isEqualTo(Instant.parse("2026-03-05T06:00:00Z"));
        assertThat(snapshots.autoSnapshots().get(0).statusAsString()).isEqualTo("Success");

        lightsail.deleteAutoSnapshot(r -> r.resourceName("web").date("2026-03-05"));
        assertThat(lightsail.getAutoSnapshots(r -> r.resourceName("web")).autoSnapshots()).hasSize(6);
        assertThatThrownBy(() -> lightsail.deleteAutoSnapshot(r -> r.resourceName("web").date("2026-03-05")))
                .isInstanceOf(NotFoundException.class);

        lightsail.createInstancesFromSnapshot(r -> r.instanceNames("restored").availabilityZone("us-east-1a")
                .bundleId("nano_3_0").sourceInstanceName("web").restoreDate("2026-03-08"));
        lightsail.createInstancesFromSnapshot(r -> r.instanceNames("latest").availabilityZone("us-east-1a")
                .bundleId("micro_3_0").sourceInstanceName("web").useLatestRestorableAutoSnapshot(true));
        cloudjar.advanceClock(Duration.ofSeconds(5));
        assertThat(LightsailTestKit.instance(lightsail, "restored").blueprintId()).isEqualTo("ubuntu_22_04");
        assertThat(LightsailTestKit.instance(lightsail, "latest").state().name()).isEqualTo("running");
        assertThatThrownBy(() -> lightsail.createInstancesFromSnapshot(r -> r.instanceNames("x").availabilityZone("us-east-1a")
                .bundleId("nano_3_0").sourceInstanceName("web").restoreDate("2026-02-01"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> lightsail.createInstancesFromSnapshot(r -> r.instanceNames("x").availabilityZone("us-east-1a")
                .bundleId("nano_3_0").sourceInstanceName("web"))).isInstanceOf(InvalidInputException.class);

        lightsail.disableAddOn(r -> r.resourceName("web").addOnType("AutoSnapshot"));
        assertThat(LightsailTestKit.instance(lightsail, "web").addOns()).isEmpty();
        assertThat(lightsail.getAutoSnapshots(r -> r.resourceName("web")).autoSnapshots()).isEmpty();

        lightsail.createDisk(r -> r.diskName("data").availabilityZone("us-east-1a").sizeInGb(8));
        lightsail.enableAddOn(r -> r.resourceName("data").addOnRequest(a -> a.addOnType("AutoSnapshot")
                .autoSnapshotAddOnRequest(s -> s.snapshotTimeOfDay("23:00"))));
        assertThat(lightsail.getDisk(r -> r.diskName("data")).disk().addOns()).singleElement()
                .satisfies(a -> assertThat(a.snapshotTimeOfDay()).isEqualTo("23:00"));
        cloudjar.advanceClock(Duration.ofDays(1));
        assertThat(lightsail.getAutoSnapshots(r -> r.resourceName("data")).autoSnapshots()).hasSize(1);
        assertThatThrownBy(() -> lightsail.enableAddOn(r -> r.resourceName("data").addOnRequest(a -> a.addOnType("StopInstanceOnIdle")
                .stopInstanceOnIdleRequest(s -> s.threshold("5").duration("30"))))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.getAutoSnapshots(r -> r.resourceName("ghost"))).isInstanceOf(NotFoundException.class);
    }
}
