package io.cloudjar.iam.sts;

import io.cloudjar.core.auth.Principal;
import io.cloudjar.iam.mfa.Totp;
import io.cloudjar.iam.state.IamState;
import io.cloudjar.iam.state.MfaDevice;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The MFA code STS is given with AssumeRole or GetSessionToken: the device must be assigned to the calling IAM
 * user (a user proves its own device, not a colleague's), the code valid for the current time step on the
 * emulator clock or the one either side of it, and newer than the last code the device accepted, so a code
 * counts once.
 */
final class MfaCodes {
    /** Time steps accepted either side of the current one: AWS tolerates a little clock drift. */
    private static final int WINDOW = 2;

    private MfaCodes() {
    }

    /** @throws io.cloudjar.core.errors.AwsException AccessDenied, as STS answers any failed MFA check */
    static void verify(IamState state, Principal caller, String serialNumber, String code, Instant at) {
        boolean valid = caller.type() == Principal.Type.USER && state.account(caller.accountId()).locked(a -> {
            MfaDevice device = a.mfaDevices.get(serialNumber);
            if (device == null || device.user == null || code == null || !device.user.name.equals(caller.name())) {
                return false;
            }
            OptionalLong step = Totp.single(device.seed, code, at, WINDOW);
            if (step.isEmpty() || step.getAsLong() <= device.lastCounter) {
                return false;
            }
            device.lastCounter = step.getAsLong();
            return true;
        });
        if (!valid) {
            throw StsErrors.mfaFailed();
        }
    }
}
