package io.cloudjar.lightsail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lightsail.LightsailClient;
import software.amazon.awssdk.services.lightsail.model.CreateGuiSessionAccessDetailsResponse;
import software.amazon.awssdk.services.lightsail.model.InvalidInputException;
import software.amazon.awssdk.services.lightsail.model.NotFoundException;
import software.amazon.awssdk.services.lightsail.model.Operation;
import software.amazon.awssdk.services.lightsail.model.OperationType;
import software.amazon.awssdk.services.lightsail.model.Session;
import software.amazon.awssdk.services.lightsail.model.Status;

/** CreateGUISessionAccessDetails, StartGUISession and StopGUISession on the emulator clock. */
class GuiSessionsTest {
    @RegisterExtension
    static final LightsailTestServer server = new LightsailTestServer(new CloudjarServerExtension());
    static final CloudjarServerExtension cloudjar = server.cloudjar();
    static final LightsailClient lightsail = server.lightsail();

    @Test
    void aSessionStartsRunsAnHourAndStops() {
        LightsailTestKit.createInstance(lightsail, "desk", "windows_server_2022", "small_win_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(10));
        String ip = LightsailTestKit.instance(lightsail, "desk").publicIpAddress();

        CreateGuiSessionAccessDetailsResponse details = access("desk");
        assertThat(details.resourceName()).isEqualTo("desk");
        assertThat(details.status()).isEqualTo(Status.NOT_STARTED);
        assertThat(details.sessions()).hasSize(2).allSatisfy(s -> assertThat(s.url()).startsWith("https://" + ip + ":8443/"));
        assertThat(details.sessions()).filteredOn(Session::isPrimary).hasSize(1);
        assertThat(access("desk").sessions().get(0).url()).as("fresh URLs each time").isNotEqualTo(details.sessions().get(0).url());

        Operation start = lightsail.startGUISession(r -> r.resourceName("desk")).operations().get(0);
        assertThat(start.operationType()).isEqualTo(OperationType.START_GUI_SESSION);
        assertThat(start.resourceName()).isEqualTo("desk");
        assertThat(access("desk").status()).isEqualTo(Status.STARTING);
        assertThatThrownBy(() -> lightsail.startGUISession(r -> r.resourceName("desk"))).isInstanceOf(InvalidInputException.class);
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(access("desk").status()).isEqualTo(Status.STARTED);
        assertThat(access("desk").percentageComplete()).isEqualTo(100);
        cloudjar.advanceClock(Duration.ofHours(1));
        assertThat(access("desk").status()).isEqualTo(Status.START_EXPIRED);

        lightsail.startGUISession(r -> r.resourceName("desk")); // resumes an expired session
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(access("desk").status()).isEqualTo(Status.STARTED);
        Operation stop = lightsail.stopGUISession(r -> r.resourceName("desk")).operations().get(0);
        assertThat(stop.operationType()).isEqualTo(OperationType.STOP_GUI_SESSION);
        assertThat(access("desk").status()).isEqualTo(Status.STOPPING);
        cloudjar.advanceClock(Duration.ofMinutes(5));
        assertThat(access("desk").status()).isEqualTo(Status.STOPPED);
        assertThatThrownBy(() -> lightsail.stopGUISession(r -> r.resourceName("desk"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void blueprintsWithoutADesktopAndMissingOrStoppedInstancesAreRefused() {
        LightsailTestKit.createInstance(lightsail, "linux", "ubuntu_22_04", "nano_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(2));
        assertThatThrownBy(() -> access("linux")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not support GUI sessions");
        assertThatThrownBy(() -> lightsail.startGUISession(r -> r.resourceName("linux"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> lightsail.startGUISession(r -> r.resourceName("ghost"))).isInstanceOf(NotFoundException.class);

        LightsailTestKit.createInstance(lightsail, "desk", "windows_server_2022", "small_win_3_0");
        cloudjar.advanceClock(Duration.ofMinutes(10));
        lightsail.stopInstance(r -> r.instanceName("desk"));
        cloudjar.advanceClock(Duration.ofMinutes(10));
        assertThatThrownBy(() -> lightsail.startGUISession(r -> r.resourceName("desk"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stopped");
    }

    private static CreateGuiSessionAccessDetailsResponse access(String name) {
        return lightsail.createGUISessionAccessDetails(r -> r.resourceName(name));
    }
}
