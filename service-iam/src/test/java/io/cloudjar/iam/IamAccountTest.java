package io.cloudjar.iam;

import static io.cloudjar.iam.IamUsersTest.assertError;
import static io.cloudjar.iam.IamUsersTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

class IamAccountTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    final IamClient iam = cloudjar.client(IamClient.builder());

    @AfterEach
    void reset() {
        cloudjar.reset();
        iam.close();
    }

    @Test
    void accountAliasIsUniqueAcrossAccounts() {
        iam.createAccountAlias(r -> r.accountAlias("my-lab"));
        assertThat(iam.listAccountAliases().accountAliases()).containsExactly("my-lab");
        try (IamClient other = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "111111111111", "test")) {
            assertError(error(() -> other.createAccountAlias(r -> r.accountAlias("my-lab"))), "EntityAlreadyExists", 409);
        }
        assertError(error(() -> iam.createAccountAlias(r -> r.accountAlias("Bad_Alias"))), "ValidationError", 400);
        assertError(error(() -> iam.deleteAccountAlias(r -> r.accountAlias("other"))), "NoSuchEntity", 404);
        iam.deleteAccountAlias(r -> r.accountAlias("my-lab"));
        assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
    }

    @Test
    void accountSummaryCountsEntitiesAndReportsQuotas() {
        iam.createUser(r -> r.userName("a"));
        iam.createUser(r -> r.userName("b"));
        iam.createGroup(r -> r.groupName("g"));
        iam.createPolicy(r -> r.policyName("p").policyDocument(IamPoliciesTest.S3_READ));
        var summary = iam.getAccountSummary().summaryMap();
        assertThat(summary.get(SummaryKeyType.USERS)).isEqualTo(2);
        assertThat(summary.get(SummaryKeyType.GROUPS)).isEqualTo(1);
        assertThat(summary.get(SummaryKeyType.POLICIES)).isEqualTo(1);
        assertThat(summary.get(SummaryKeyType.USERS_QUOTA)).isEqualTo(5000);
        assertThat(summary.get(SummaryKeyType.ACCESS_KEYS_PER_USER_QUOTA)).isEqualTo(2);
    }

    @Test
    void stateIsKeptPerAccount() {
        iam.createUser(r -> r.userName("mine"));
        try (IamClient other = cloudjar.client(IamClient.builder(), Region.AWS_GLOBAL, "222222222222", "test")) {
            assertThat(other.listUsers().users()).isEmpty();
            assertThat(other.createUser(r -> r.userName("mine")).user().arn()).isEqualTo("arn:aws:iam::222222222222:user/mine");
        }
    }

    @Test
    void openIdConnectProvidersAreManaged() {
        String arn = iam.createOpenIDConnectProvider(r -> r.url("https://token.actions.githubusercontent.com")
                .clientIDList("sts.amazonaws.com").thumbprintList("6938fd4d98bab03faadb97b34396831e3780aea1")).openIDConnectProviderArn();
        assertThat(arn).isEqualTo("arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com");
        assertError(error(() -> iam.createOpenIDConnectProvider(r -> r.url("https://token.actions.githubusercontent.com")
                .clientIDList("x"))), "EntityAlreadyExists", 409);
        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("another"));
        var got = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(got.url()).isEqualTo("token.actions.githubusercontent.com");
        assertThat(got.clientIDList()).containsExactly("sts.amazonaws.com", "another");
        iam.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(t -> t.key("k").value("v")));
        assertThat(iam.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn)).tags()).hasSize(1);
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);
        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertError(error(() -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn))), "NoSuchEntity", 404);
    }

    @Test
    void samlProvidersAreManaged() {
        String metadata = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" validUntil=\"2030-01-01T00:00:00Z\" "
                + "entityID=\"https://idp.example.com\">" + "x".repeat(1000) + "</EntityDescriptor>";
        String arn = iam.createSAMLProvider(r -> r.name("corp").samlMetadataDocument(metadata)).samlProviderArn();
        assertThat(arn).isEqualTo("arn:aws:iam::000000000000:saml-provider/corp");
        var got = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
        assertThat(got.samlMetadataDocument()).isEqualTo(metadata);
        assertThat(got.validUntil()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(iam.listSAMLProviders().samlProviderList()).hasSize(1);
        iam.deleteSAMLProvider(r -> r.samlProviderArn(arn));
        assertError(error(() -> iam.deleteSAMLProvider(r -> r.samlProviderArn(arn))), "NoSuchEntity", 404);
    }

    @Test
    void tagsAreLimitedToFiftyAndListedWithPaging() {
        iam.createUser(r -> r.userName("tagged"));
        for (int i = 0; i < 50; i++) {
            String key = "k" + i;
            iam.tagUser(r -> r.userName("tagged").tags(t -> t.key(key).value("v")));
        }
        assertError(error(() -> iam.tagUser(r -> r.userName("tagged").tags(t -> t.key("one-more").value("v")))), "LimitExceeded", 409);
        var page = iam.listUserTags(r -> r.userName("tagged").maxItems(20));
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.tags()).hasSize(20);
        var next = iam.listUserTags(r -> r.userName("tagged").maxItems(40).marker(page.marker()));
        assertThat(next.tags()).hasSize(30);
        assertThat(next.isTruncated()).isFalse();
    }
}
