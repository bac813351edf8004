package io.cloudjar.iam;

import static io.cloudjar.iam.IamUsersTest.assertError;
import static io.cloudjar.iam.IamUsersTest.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

class IamCredentialsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    final IamClient iam = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
    }

    @Test
    void accessKeySignsCallsAsItsUserAndRecordsItsLastUse() {
        iam.createUser(r -> r.userName("dev"));
        AccessKey key = iam.createAccessKey(r -> r.userName("dev")).accessKey();
        assertThat(key.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.status()).isEqualTo(StatusType.ACTIVE);
        var unused = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed();
        assertThat(unused.serviceName()).isEqualTo("N/A");
        assertThat(unused.lastUsedDate()).isNull();

        try (StsClient sts = cloudjar.client(StsClient.builder(), Region.EU_WEST_1, key.accessKeyId(), key.secretAccessKey())) {
            var id = sts.getCallerIdentity();
            assertThat(id.arn()).isEqualTo("arn:aws:iam::000000000000:user/dev");
            assertThat(id.userId()).startsWith("AIDA");
        }
        var used = iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(used.userName()).isEqualTo("dev");
        assertThat(used.accessKeyLastUsed().serviceName()).isEqualTo("sts");
        assertThat(used.accessKeyLastUsed().region()).isEqualTo("eu-west-1");
        assertThat(used.accessKeyLastUsed().lastUsedDate()).isNotNull();
    }

    @Test
    void inactiveKeyIsRefusedAndAUserHasAtMostTwoKeys() {
        iam.createUser(r -> r.userName("dev"));
        AccessKey key = iam.createAccessKey(r -> r.userName("dev")).accessKey();
        iam.createAccessKey(r -> r.userName("dev"));
        assertError(error(() -> iam.createAccessKey(r -> r.userName("dev"))), "LimitExceeded", 409);
        iam.updateAccessKey(r -> r.userName("dev").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.listAccessKeys(r -> r.userName("dev")).accessKeyMetadata())
                .anySatisfy(k -> assertThat(k.status()).isEqualTo(StatusType.INACTIVE));
        try (StsClient sts = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.statusCode()).isEqualTo(403);
        }
        assertError(error(() -> iam.deleteUser(r -> r.userName("dev"))), "DeleteConflict", 409);
        iam.deleteAccessKey(r -> r.userName("dev").accessKeyId(key.accessKeyId()));
        assertError(error(() -> iam.deleteAccessKey(r -> r.userName("dev").accessKeyId(key.accessKeyId()))), "NoSuchEntity", 404);
        // a deleted key signs nothing (it does not fall back to acting as the account root)
        try (StsClient sts = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);
            assertThat(e).isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        }
    }

    @Test
    void loginProfilePasswordsFollowThePasswordPolicy() {
        iam.createUser(r -> r.userName("console"));
        assertError(error(() -> iam.createLoginProfile(r -> r.userName("console").password("short"))), "PasswordPolicyViolation", 400);
        iam.createLoginProfile(r -> r.userName("console").password("Str0ng-Passw0rd").passwordResetRequired(true));
        assertThat(iam.getLoginProfile(r -> r.userName("console")).loginProfile().passwordResetRequired()).isTrue();
        assertError(error(() -> iam.createLoginProfile(r -> r.userName("console").password("Str0ng-Passw0rd"))),
                "EntityAlreadyExists", 409);

        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(20).requireSymbols(true).allowUsersToChangePassword(true)
                .maxPasswordAge(90));
        var policy = iam.getAccountPasswordPolicy().passwordPolicy();
        assertThat(policy.minimumPasswordLength()).isEqualTo(20);
        assertThat(policy.expirePasswords()).isTrue();
        assertThat(policy.requireNumbers()).isFalse();
        assertError(error(() -> iam.updateLoginProfile(r -> r.userName("console").password("Str0ng-Passw0rd"))),
                "PasswordPolicyViolation", 400);
        iam.updateLoginProfile(r -> r.userName("console").password("a-much-longer-password!"));
        iam.deleteAccountPasswordPolicy();
        assertError(error(() -> iam.getAccountPasswordPolicy()), "NoSuchEntity", 404);
        assertError(error(() -> iam.deleteAccountPasswordPolicy()), "NoSuchEntity", 404);
        iam.deleteLoginProfile(r -> r.userName("console"));
        assertError(error(() -> iam.getLoginProfile(r -> r.userName("console"))), "NoSuchEntity", 404);
    }

    @Test
    void usersChangeTheirOwnPasswordsWithinThePolicyAndMayNotReuseRecentOnes() {
        iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(10).requireNumbers(true).passwordReusePrevention(2)
                .allowUsersToChangePassword(true));
        assertThat(iam.getAccountPasswordPolicy().passwordPolicy().passwordReusePrevention()).isEqualTo(2);
        iam.createUser(r -> r.userName("pat"));
        iam.createLoginProfile(r -> r.userName("pat").password("first-pass1"));
        AccessKey key = iam.createAccessKey(r -> r.userName("pat")).accessKey();
        try (IamClient asPat = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, key.accessKeyId(), key.secretAccessKey())) {
            assertError(error(() -> asPat.changePassword(r -> r.oldPassword("first-pass1").newPassword("no-digits-here"))),
                    "PasswordPolicyViolation", 400);
            IamException reused = error(() -> asPat.changePassword(r -> r.oldPassword("first-pass1").newPassword("first-pass1")));
            assertError(reused, "PasswordPolicyViolation", 400);
            assertThat(reused.awsErrorDetails().errorMessage()).startsWith("Password does not conform to the account password policy.");
            asPat.changePassword(r -> r.oldPassword("first-pass1").newPassword("second-pass2"));
            // the last two passwords are both refused; the third-last is allowed again
            assertError(error(() -> asPat.changePassword(r -> r.oldPassword("second-pass2").newPassword("first-pass1"))),
                    "PasswordPolicyViolation", 400);
            asPat.changePassword(r -> r.oldPassword("second-pass2").newPassword("third-pass3"));
            asPat.changePassword(r -> r.oldPassword("third-pass3").newPassword("first-pass1"));
        }
        assertError(error(() -> iam.updateLoginProfile(r -> r.userName("pat").password("first-pass1"))), "PasswordPolicyViolation", 400);
        // the root's password is not an IAM user's
        assertError(error(() -> iam.changePassword(r -> r.oldPassword("x").newPassword("y"))), "InvalidUserType", 400);
    }

    @Test
    void virtualMfaDeviceIsEnabledWithTwoConsecutiveTotpCodes() throws Exception {
        iam.createUser(r -> r.userName("mfa-user"));
        VirtualMFADevice device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("mfa-user")).virtualMFADevice();
        assertThat(device.serialNumber()).isEqualTo("arn:aws:iam::000000000000:mfa/mfa-user");
        String seed = device.base32StringSeed().asString(StandardCharsets.US_ASCII);
        assertThat(seed).matches("[A-Z2-7]{64}");
        byte[] png = device.qrCodePNG().asByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        // what an authenticator app scans: otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String
        assertThat(QrCodeText.of(png)).isEqualTo("otpauth://totp/mfa-user@000000000000?secret=" + seed);

        long now = cloudjar.clock().now().getEpochSecond();
        assertError(error(() -> iam.enableMFADevice(r -> r.userName("mfa-user").serialNumber(device.serialNumber())
                .authenticationCode1("123456").authenticationCode2("654321"))), "InvalidAuthenticationCode", 403);
        String code1 = TestTotp.code(seed, now - 30);
        String code2 = TestTotp.code(seed, now);
        iam.enableMFADevice(r -> r.userName("mfa-user").serialNumber(device.serialNumber())
                .authenticationCode1(code1).authenticationCode2(code2));
        assertThat(iam.listMFADevices(r -> r.userName("mfa-user")).mfaDevices()).singleElement()
                .satisfies(d -> assertThat(d.serialNumber()).isEqualTo(device.serialNumber()));
        assertThat(iam.listVirtualMFADevices(r -> r.assignmentStatus("Assigned")).virtualMFADevices()).hasSize(1);
        var got = iam.getMFADevice(r -> r.serialNumber(device.serialNumber()));
        assertThat(got.userName()).isEqualTo("mfa-user");
        assertThat(got.enableDate()).isNotNull();
        assertError(error(() -> iam.enableMFADevice(r -> r.userName("mfa-user").serialNumber(device.serialNumber())
                .authenticationCode1(code1).authenticationCode2(code2))), "EntityAlreadyExists", 409);

        // resync takes two fresh consecutive codes; the ones already used are refused
        assertError(error(() -> iam.resyncMFADevice(r -> r.userName("mfa-user").serialNumber(device.serialNumber())
                .authenticationCode1(code1).authenticationCode2(code2))), "InvalidAuthenticationCode", 403);
        String code3 = TestTotp.code(seed, now + 30);
        String code4 = TestTotp.code(seed, now + 60);
        iam.resyncMFADevice(r -> r.userName("mfa-user").serialNumber(device.serialNumber())
                .authenticationCode1(code3).authenticationCode2(code4));
        assertError(error(() -> iam.resyncMFADevice(r -> r.userName("nobody").serialNumber(device.serialNumber())
                .authenticationCode1(code3).authenticationCode2(code4))), "NoSuchEntity", 404);
        assertError(error(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()))), "DeleteConflict", 409);
        assertError(error(() -> iam.deleteUser(r -> r.userName("mfa-user"))), "DeleteConflict", 409);

        iam.deactivateMFADevice(r -> r.userName("mfa-user").serialNumber(device.serialNumber()));
        assertThat(iam.listVirtualMFADevices(r -> r.assignmentStatus("Unassigned")).virtualMFADevices()).hasSize(1);
        iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()));
        assertError(error(() -> iam.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()))), "NoSuchEntity", 404);
    }

    @Test
    void credentialReportListsTheRootAndEveryUserWithAwsColumns() {
        iam.createUser(r -> r.userName("reported"));
        iam.createLoginProfile(r -> r.userName("reported").password("Str0ng-Passw0rd"));
        iam.createAccessKey(r -> r.userName("reported"));
        assertError(error(() -> iam.getCredentialReport()), "ReportNotPresent", 410);
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.STARTED);
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);
        String csv = iam.getCredentialReport().content().asUtf8String();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("user,arn,user_creation_time,password_enabled,password_last_used,")
                .endsWith("cert_2_active,cert_2_last_rotated");
        assertThat(lines.get(1)).startsWith("<root_account>,arn:aws:iam::000000000000:root,");
        String[] user = lines.get(2).split(",");
        assertThat(user[0]).isEqualTo("reported");
        assertThat(user[3]).isEqualTo("true");
        assertThat(user[8]).isEqualTo("true");
        assertThat(user[13]).isEqualTo("false");
        cloudjar.advanceClock(Duration.ofHours(5));
        assertError(error(() -> iam.getCredentialReport()), "ReportExpired", 410);
    }

    @Test
    void sshPublicKeysAreUploadedWithFingerprints() {
        iam.createUser(r -> r.userName("git"));
        String body = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 git@example";
        var key = iam.uploadSSHPublicKey(r -> r.userName("git").sshPublicKeyBody(body)).sshPublicKey();
        assertThat(key.sshPublicKeyId()).startsWith("APKA");
        assertThat(key.fingerprint()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertError(error(() -> iam.uploadSSHPublicKey(r -> r.userName("git").sshPublicKeyBody(body))), "DuplicateSSHPublicKey", 400);
        iam.updateSSHPublicKey(r -> r.userName("git").sshPublicKeyId(key.sshPublicKeyId()).status(StatusType.INACTIVE));
        assertThat(iam.getSSHPublicKey(r -> r.userName("git").sshPublicKeyId(key.sshPublicKeyId()).encoding("SSH"))
                .sshPublicKey().status()).isEqualTo(StatusType.INACTIVE);
        assertThat(iam.listSSHPublicKeys(r -> r.userName("git")).sshPublicKeys()).hasSize(1);
        assertError(error(() -> iam.uploadSSHPublicKey(r -> r.userName("git").sshPublicKeyBody("garbage key text"))),
                "UnrecognizedPublicKeyEncoding", 400);
        iam.deleteSSHPublicKey(r -> r.userName("git").sshPublicKeyId(key.sshPublicKeyId()));
        assertError(error(() -> iam.getSSHPublicKey(r -> r.userName("git").sshPublicKeyId(key.sshPublicKeyId()).encoding("SSH"))),
                "NoSuchEntity", 404);
    }
}
