package io.cloudjar.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudjar.core.testing.CloudjarServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

class StsTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    static final String TRUST_ACCOUNT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String TRUST_ACCOUNT_WITH_TAGS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
            + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]}]}";
    static final String ALLOW_ASSUME = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}";

    final IamClient iam = cloudjar.client(IamClient.builder());
    final StsClient sts = cloudjar.client(StsClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
        sts.close();
    }

    static StsException stsError(Runnable call) {
        return catchThrowableOfType(StsException.class, call::run);
    }

    static void assertError(StsException e, String code, int status) {
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
    }

    private StsClient sessionClient(Credentials c) {
        return StsClient.builder().endpointOverride(cloudjar.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build();
    }

    @Test
    void rootAssumesARoleAndTheSessionIsThatRoleUntilItExpires() {
        String roleId = iam.createRole(r -> r.roleName("admin").assumeRolePolicyDocument(TRUST_ACCOUNT)).role().roleId();
        var assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("alice")
                .durationSeconds(900));
        Credentials creds = assumed.credentials();
        assertThat(creds.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(creds.secretAccessKey()).hasSize(40);
        assertThat(creds.sessionToken()).isNotBlank();
        assertThat(assumed.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/admin/alice");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).isEqualTo(roleId + ":alice");

        try (StsClient session = sessionClient(creds)) {
            var id = session.getCallerIdentity();
            assertThat(id.arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/admin/alice");
            assertThat(id.userId()).isEqualTo(roleId + ":alice");
            cloudjar.advanceClock(Duration.ofMinutes(16));
            assertError(stsError(session::getCallerIdentity), "ExpiredToken", 400);
        }
        assertThat(iam.getRole(r -> r.roleName("admin")).role().roleLastUsed().lastUsedDate()).isNotNull();
    }

    @Test
    void sessionCredentialsNeedTheirToken() {
        iam.createRole(r -> r.roleName("admin").assumeRolePolicyDocument(TRUST_ACCOUNT));
        Credentials creds = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("s1")).credentials();
        try (StsClient wrongToken = sessionClient(creds.toBuilder().sessionToken("forged").build())) {
            assertError(stsError(wrongToken::getCallerIdentity), "InvalidClientTokenId", 403);
        }
    }

    @Test
    void trustPolicyDecidesWhoMayAssumeTheRole() {
        iam.createRole(r -> r.roleName("ec2-only").assumeRolePolicyDocument(IamRolesTest.EC2_TRUST));
        assertError(stsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/ec2-only")
                .roleSessionName("s1"))), "AccessDenied", 403);
        assertError(stsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/missing")
                .roleSessionName("s1"))), "AccessDenied", 403);

        // A user of the trusted account also needs an identity policy allowing sts:AssumeRole.
        iam.createRole(r -> r.roleName("admin").assumeRolePolicyDocument(TRUST_ACCOUNT));
        iam.createUser(r -> r.userName("dev"));
        AccessKey key = iam.createAccessKey(r -> r.userName("dev")).accessKey();
        try (StsClient asDev = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            assertError(stsError(() -> asDev.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin")
                    .roleSessionName("dev"))), "AccessDenied", 403);
            iam.putUserPolicy(r -> r.userName("dev").policyName("assume").policyDocument(ALLOW_ASSUME));
            assertThat(asDev.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("dev"))
                    .assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/admin/dev");
        }
    }

    @Test
    void trustPolicyConditionsSeeExternalIdAndCrossAccountCallers() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"secret-42\"}}}]}";
        iam.createRole(r -> r.roleName("partner").assumeRolePolicyDocument(trust));
        try (StsClient partner = cloudjar.client(StsClient.builder(), Region.US_EAST_1, "111111111111", "test")) {
            assertError(stsError(() -> partner.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/partner")
                    .roleSessionName("p1"))), "AccessDenied", 403);
            var ok = partner.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/partner").roleSessionName("p1")
                    .externalId("secret-42"));
            assertThat(ok.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/partner/p1");
        }
    }

    @Test
    void durationMustFitTheRolesMaximum() {
        iam.createRole(r -> r.roleName("admin").assumeRolePolicyDocument(TRUST_ACCOUNT));
        assertError(stsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("s1")
                .durationSeconds(7200))), "ValidationError", 400);
        assertError(stsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("s1")
                .durationSeconds(60))), "ValidationError", 400);
    }

    @Test
    void sessionPolicyMustBeValidAndIsReportedAsPackedSize() {
        iam.createRole(r -> r.roleName("admin").assumeRolePolicyDocument(TRUST_ACCOUNT_WITH_TAGS));
        var assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("s1")
                .policy(IamPoliciesTest.S3_READ).tags(t -> t.key("project").value("x")));
        assertThat(assumed.packedPolicySize()).isBetween(1, 100);
        assertError(stsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("s1")
                .policy("{bad"))), "MalformedPolicyDocument", 400);
    }

    @Test
    void getSessionTokenChecksTheUsersMfaCode() throws Exception {
        iam.createUser(r -> r.userName("mfa"));
        AccessKey key = iam.createAccessKey(r -> r.userName("mfa")).accessKey();
        var device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("mfa")).virtualMFADevice();
        String seed = device.base32StringSeed().asString(StandardCharsets.US_ASCII);
        long now = cloudjar.clock().now().getEpochSecond();
        iam.enableMFADevice(r -> r.userName("mfa").serialNumber(device.serialNumber())
                .authenticationCode1(codeAt(seed, now - 60)).authenticationCode2(codeAt(seed, now - 30)));
        try (StsClient asUser = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            assertError(stsError(() -> asUser.getSessionToken(r -> r.serialNumber(device.serialNumber()).tokenCode("000000"))),
                    "AccessDenied", 403);
            Credentials creds = asUser.getSessionToken(r -> r.serialNumber(device.serialNumber())
                    .tokenCode(codeAt(seed, now))).credentials();
            assertThat(creds.accessKeyId()).startsWith("ASIA");
            try (StsClient session = sessionClient(creds)) {
                assertThat(session.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/mfa");
                assertError(stsError(session::getSessionToken), "AccessDenied", 403);
            }
            // a code may not be used twice
            assertError(stsError(() -> asUser.getSessionToken(r -> r.serialNumber(device.serialNumber())
                    .tokenCode(codeAt(seed, now)))), "AccessDenied", 403);
            // a code five minutes ahead is too early now, and accepted once the emulator clock is there
            String ahead = codeAt(seed, now + 300);
            assertError(stsError(() -> asUser.getSessionToken(r -> r.serialNumber(device.serialNumber())
                    .tokenCode(ahead))), "AccessDenied", 403);
            cloudjar.advanceClock(Duration.ofMinutes(5));
            assertThat(asUser.getSessionToken(r -> r.serialNumber(device.serialNumber()).tokenCode(ahead))
                    .credentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void sessionTokenCredentialsExpireWhenTheClockReachesTheirExpiration() {
        iam.createUser(r -> r.userName("temp"));
        AccessKey key = iam.createAccessKey(r -> r.userName("temp")).accessKey();
        try (StsClient asUser = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            Credentials creds = asUser.getSessionToken(r -> r.durationSeconds(900)).credentials();
            assertThat(creds.expiration()).isEqualTo(cloudjar.clock().now().plusSeconds(900));
            try (StsClient session = sessionClient(creds)) {
                cloudjar.advanceClock(Duration.ofSeconds(899));
                assertThat(session.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/temp");
                cloudjar.advanceClock(Duration.ofSeconds(1));
                assertError(stsError(session::getCallerIdentity), "ExpiredToken", 400);
            }
        }
    }

    @Test
    void rootCallerIdentityIsTheAccount() {
        var id = sts.getCallerIdentity();
        assertThat(id.account()).isEqualTo("000000000000");
        assertThat(id.userId()).isEqualTo("000000000000");
        assertThat(id.arn()).isEqualTo("arn:aws:iam::000000000000:root");
    }

    @Test
    void roleChainingIsLimitedToOneHour() {
        iam.createRole(r -> r.roleName("first").assumeRolePolicyDocument(TRUST_ACCOUNT));
        iam.putRolePolicy(r -> r.roleName("first").policyName("assume").policyDocument(ALLOW_ASSUME));
        iam.createRole(r -> r.roleName("second").assumeRolePolicyDocument(TRUST_ACCOUNT).maxSessionDuration(7200));
        Credentials first = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/first").roleSessionName("one"))
                .credentials();
        try (StsClient chained = sessionClient(first)) {
            StsException tooLong = stsError(() -> chained.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/second")
                    .roleSessionName("two").durationSeconds(7200)));
            assertError(tooLong, "ValidationError", 400);
            assertThat(tooLong.awsErrorDetails().errorMessage())
                    .isEqualTo("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
            var second = chained.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/second").roleSessionName("two")
                    .durationSeconds(3600));
            assertThat(second.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/second/two");
        }
        // outside a chain the role's own maximum applies
        assertThat(sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/second").roleSessionName("three")
                .durationSeconds(7200)).credentials().expiration()).isAfter(cloudjar.clock().now()
                .plus(Duration.ofMinutes(119)));
    }

    @Test
    void rootSessionTokensLastAtMostAnHour() {
        var now = cloudjar.clock().now();
        Credentials creds = sts.getSessionToken(r -> r.durationSeconds(7200)).credentials();
        assertThat(creds.expiration()).isBetween(now.plus(Duration.ofMinutes(59)), now.plus(Duration.ofMinutes(61)));
        iam.createUser(r -> r.userName("long"));
        AccessKey key = iam.createAccessKey(r -> r.userName("long")).accessKey();
        try (StsClient asUser = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            assertThat(asUser.getSessionToken().credentials().expiration()).isAfter(now.plus(Duration.ofHours(11)));
        }
    }

    @Test
    void sessionTagsAndSourceIdentityNeedTheirOwnTrustActions() {
        iam.createRole(r -> r.roleName("plain").assumeRolePolicyDocument(TRUST_ACCOUNT));
        StsException tags = stsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/plain")
                .roleSessionName("s1").tags(t -> t.key("project").value("x"))));
        assertError(tags, "AccessDenied", 403);
        assertThat(tags.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is not authorized "
                + "to perform: sts:TagSession on resource: arn:aws:iam::000000000000:role/plain");
        StsException source = stsError(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/plain")
                .roleSessionName("s1").sourceIdentity("alice")));
        assertError(source, "AccessDenied", 403);
        assertThat(source.awsErrorDetails().errorMessage()).contains("sts:SetSourceIdentity");

        iam.createRole(r -> r.roleName("tagging").assumeRolePolicyDocument(TRUST_ACCOUNT_WITH_TAGS));
        var assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/tagging").roleSessionName("s1")
                .tags(t -> t.key("project").value("x")).sourceIdentity("alice"));
        assertThat(assumed.sourceIdentity()).isEqualTo("alice");
        assertThat(assumed.packedPolicySize()).isPositive();
    }

    @Test
    void trustPolicyCanRequireMfa() {
        String mfaTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":"
                + "{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
        iam.createRole(r -> r.roleName("guarded").assumeRolePolicyDocument(mfaTrust));
        iam.createUser(r -> r.userName("ops"));
        iam.putUserPolicy(r -> r.userName("ops").policyName("assume").policyDocument(ALLOW_ASSUME));
        AccessKey key = iam.createAccessKey(r -> r.userName("ops")).accessKey();
        var device = iam.createVirtualMFADevice(r -> r.virtualMFADeviceName("ops")).virtualMFADevice();
        String seed = device.base32StringSeed().asString(StandardCharsets.US_ASCII);
        long now = cloudjar.clock().now().getEpochSecond();
        iam.enableMFADevice(r -> r.userName("ops").serialNumber(device.serialNumber())
                .authenticationCode1(codeAt(seed, now - 90)).authenticationCode2(codeAt(seed, now - 60)));
        String guarded = "arn:aws:iam::000000000000:role/guarded";
        try (StsClient asOps = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            assertError(stsError(() -> asOps.assumeRole(r -> r.roleArn(guarded).roleSessionName("no-mfa"))), "AccessDenied", 403);
            // the code passed with AssumeRole itself
            assertThat(asOps.assumeRole(r -> r.roleArn(guarded).roleSessionName("direct").serialNumber(device.serialNumber())
                    .tokenCode(codeAt(seed, now - 30))).assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::000000000000:assumed-role/guarded/direct");
            // or an MFA-authenticated session from GetSessionToken
            Credentials mfaSession = asOps.getSessionToken(r -> r.serialNumber(device.serialNumber())
                    .tokenCode(codeAt(seed, now))).credentials();
            try (StsClient withMfa = sessionClient(mfaSession)) {
                assertThat(withMfa.assumeRole(r -> r.roleArn(guarded).roleSessionName("via-session")).assumedRoleUser().arn())
                        .isEqualTo("arn:aws:sts::000000000000:assumed-role/guarded/via-session");
            }
        }
        // another user's device does not vouch for this one
        iam.createUser(r -> r.userName("other"));
        iam.putUserPolicy(r -> r.userName("other").policyName("assume").policyDocument(ALLOW_ASSUME));
        AccessKey otherKey = iam.createAccessKey(r -> r.userName("other")).accessKey();
        try (StsClient asOther = cloudjar.client(StsClient.builder(), Region.US_EAST_1, otherKey.accessKeyId(),
                otherKey.secretAccessKey())) {
            assertError(stsError(() -> asOther.assumeRole(r -> r.roleArn(guarded).roleSessionName("borrowed")
                    .serialNumber(device.serialNumber()).tokenCode(codeAt(seed, now + 30)))), "AccessDenied", 403);
        }
    }

    @Test
    void identityPoliciesMayTestTheRolesTags() {
        String sameTeam = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}}]}";
        iam.createRole(r -> r.roleName("blue-role").assumeRolePolicyDocument(TRUST_ACCOUNT).tags(t -> t.key("team").value("blue")));
        iam.createRole(r -> r.roleName("red-role").assumeRolePolicyDocument(TRUST_ACCOUNT).tags(t -> t.key("team").value("red")));
        iam.createUser(r -> r.userName("bea").tags(t -> t.key("team").value("blue")));
        iam.putUserPolicy(r -> r.userName("bea").policyName("same-team").policyDocument(sameTeam));
        AccessKey key = iam.createAccessKey(r -> r.userName("bea")).accessKey();
        try (StsClient asBea = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            assertThat(asBea.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/blue-role").roleSessionName("bea"))
                    .assumedRoleUser().arn()).endsWith("assumed-role/blue-role/bea");
            assertError(stsError(() -> asBea.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/red-role")
                    .roleSessionName("bea"))), "AccessDenied", 403);
        }
    }

    private static String codeAt(String seed, long epoch) {
        try {
            return TestTotp.code(seed, epoch);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void webIdentityTokenOfARegisteredProviderAssumesTheRole() {
        iam.createOpenIDConnectProvider(r -> r.url("https://idp.example.com").clientIDList("my-app"));
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::000000000000:oidc-provider/idp.example.com\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                + "\"Condition\":{\"StringEquals\":{\"idp.example.com:sub\":\"user-1\"}}}]}";
        iam.createRole(r -> r.roleName("web").assumeRolePolicyDocument(trust));
        var ok = sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::000000000000:role/web").roleSessionName("w1")
                .webIdentityToken(jwt("https://idp.example.com", "my-app", "user-1")));
        assertThat(ok.subjectFromWebIdentityToken()).isEqualTo("user-1");
        assertThat(ok.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/web/w1");
        assertError(stsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::000000000000:role/web")
                .roleSessionName("w1").webIdentityToken(jwt("https://idp.example.com", "my-app", "user-2")))), "AccessDenied", 403);
        assertError(stsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::000000000000:role/web")
                .roleSessionName("w1").webIdentityToken(jwt("https://idp.example.com", "other-app", "user-1")))),
                "InvalidIdentityToken", 400);
        assertError(stsError(() -> sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::000000000000:role/web")
                .roleSessionName("w1").webIdentityToken(jwt("https://unknown.example.com", "my-app", "user-1")))),
                "InvalidIdentityToken", 400);
    }

    private static String jwt(String iss, String aud, String sub) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"sub\":\"" + sub + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    @Test
    void federationTokenIsAFederatedUserSession() {
        iam.createUser(r -> r.userName("broker"));
        AccessKey key = iam.createAccessKey(r -> r.userName("broker")).accessKey();
        try (StsClient asUser = cloudjar.client(StsClient.builder(), Region.US_EAST_1, key.accessKeyId(), key.secretAccessKey())) {
            var token = asUser.getFederationToken(r -> r.name("visitor").policy(IamPoliciesTest.S3_READ).durationSeconds(900));
            assertThat(token.federatedUser().arn()).isEqualTo("arn:aws:sts::000000000000:federated-user/visitor");
            assertThat(token.federatedUser().federatedUserId()).isEqualTo("000000000000:visitor");
            try (StsClient session = sessionClient(token.credentials())) {
                var id = session.getCallerIdentity();
                assertThat(id.arn()).isEqualTo("arn:aws:sts::000000000000:federated-user/visitor");
                assertThat(id.userId()).isEqualTo("000000000000:visitor");
            }
        }
    }

    @Test
    void accessKeyInfoNamesTheOwningAccount() {
        iam.createUser(r -> r.userName("u"));
        AccessKey key = iam.createAccessKey(r -> r.userName("u")).accessKey();
        try (StsClient other = cloudjar.client(StsClient.builder(), Region.US_EAST_1, "333333333333", "test")) {
            assertThat(other.getAccessKeyInfo(r -> r.accessKeyId(key.accessKeyId())).account()).isEqualTo("000000000000");
        }
        // a key no one issued here belongs, as far as the emulator knows, to the caller's account
        assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId("AKIAIOSFODNN7EXAMPLE")).account()).isEqualTo("000000000000");
    }

    @Test
    void authorizationMessagesDecodeAndGarbageIsRefused() {
        String encoded = io.cloudjar.core.auth.AuthorizationMessages.encode("{\"allowed\":false}");
        assertThat(sts.decodeAuthorizationMessage(r -> r.encodedMessage(encoded)).decodedMessage()).isEqualTo("{\"allowed\":false}");
        assertError(stsError(() -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("not-a-message"))),
                "InvalidAuthorizationMessageException", 400);
    }
}
