package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import io.cloudjar.ec2.keys.KeyMaterial;
import io.cloudjar.ec2.keys.KeyPairMaterial;
import io.cloudjar.ec2.keys.SshCertificates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.GetInstanceAccessDetailsRequest;
import software.amazon.awssdk.services.lightsail.model.GetInstanceAccessDetailsResponse;
import software.amazon.awssdk.services.lightsail.model.InstanceAccessDetails;
import software.amazon.awssdk.services.lightsail.model.InstanceAccessProtocol;

/**
 * GetInstanceAccessDetails as the browser SSH client gets it: a fresh RSA key and an OpenSSH user certificate for the
 * instance's login user, signed by this server's Lightsail CA and valid for an hour, and the address to connect to.
 * RDP (Windows) answers the user and address; the password of a Windows instance is not modelled. The instance's
 * host keys (SSH keys, or a Windows server's Remote Desktop certificate) come with it: connecting records them again when DeleteKnownHostKeys forgot them.
 */
public final class AccessDetailsProvider extends LightsailProvider {
    private static final Duration VALIDITY = Duration.ofHours(1);

    public GetInstanceAccessDetailsResponse getInstanceAccessDetails(CallContext ctx, GetInstanceAccessDetailsRequest request) {
        LightsailState state = state(ctx);
        Instant now = ctx.receivedAt();
        InstanceRecord instance = state.instances.get(request.instanceName());
        String current = instance.state(now);
        if (!InstanceRecord.RUNNING.equals(current)) {
            throw LightsailErrors.invalidInput("The instance %s is %s: access details are only available for a running"
                    + " instance.", instance.name(), current);
        }
        if (!instance.hostKeys().known()) {
            synchronized (state.lock) {
                instance = state.instances.get(request.instanceName());
                if (!instance.hostKeys().known()) {
                    instance = instance.withHostKeys(instance.hostKeys().witnessed(now));
                    state.instances.put(instance);
                }
            }
        }
        boolean windows = BlueprintCatalog.find(instance.blueprintId()).map(BlueprintCatalog.Entry::windows).orElse(false);
        InstanceAccessProtocol protocol = request.protocol() != null ? request.protocol()
                : windows ? InstanceAccessProtocol.RDP : InstanceAccessProtocol.SSH;
        String staticIp = state.staticIpOf(instance);
        String address = instance.ipv4() ? instance.currentPublicIp(now, staticIp) : instance.ipv6Addresses().get(0);
        InstanceAccessDetails.Builder details = InstanceAccessDetails.builder()
                .instanceName(instance.name()).username(instance.username()).ipAddress(address).protocol(protocol)
                .hostKeys(instance.hostKeys().toSdk(protocol == InstanceAccessProtocol.RDP));
        if (protocol == InstanceAccessProtocol.SSH) {
            KeyPairMaterial key = KeyMaterial.create(KeyMaterial.RSA, "pem", instance.name());
            Instant expires = now.plus(VALIDITY);
            details.privateKey(key.privateKey())
                    .certKey(SshCertificates.userCertificate(store.sshAuthority(), key.publicKey(),
                            instance.meta().arn(), List.of(instance.username()), now.minus(Duration.ofMinutes(5)), expires))
                    .expiresAt(expires);
        }
        return GetInstanceAccessDetailsResponse.builder().accessDetails(details.build()).build();
    }
}
