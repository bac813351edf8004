package io.cloudjar.iam.state;

import com.fasterxml.jackson.annotation.JsonIdentityInfo;
import com.fasterxml.jackson.annotation.ObjectIdGenerators;

import java.time.Instant;

/**
 * A virtual MFA device: an RFC 6238 seed, assigned to at most one user once enabled. {@code lastCounter}
 * refuses codes of a time step already used, as AWS refuses replays.
 */
@JsonIdentityInfo(generator = ObjectIdGenerators.PropertyGenerator.class, property = "serialNumber", scope = MfaDevice.class)
public final class MfaDevice {
    public final String serialNumber;
    public final byte[] seed;
    public final Instant created;
    public final Tags tags = new Tags();
    public User user;
    public Instant enabled;
    public long lastCounter = -1;

    public MfaDevice(String serialNumber, byte[] seed, Instant created) {
        this.serialNumber = serialNumber;
        this.seed = seed.clone();
        this.created = created;
    }
}
