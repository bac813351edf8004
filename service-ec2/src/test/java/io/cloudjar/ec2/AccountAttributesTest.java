package io.cloudjar.ec2;

import static io.cloudjar.core.testing.Ec2ErrorAssert.assertEc2Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.testing.CloudjarServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;

class AccountAttributesTest {
    @RegisterExtension
    static final CloudjarServerExtension cloudjar = new CloudjarServerExtension();

    @Test
    void accountAttributesDescribeAVpcOnlyAccountWithDefaultLimits() {
        try (Ec2Client ec2 = cloudjar.client(Ec2Client.builder())) {
            assertThat(ec2.describeAccountAttributes().accountAttributes()).extracting(AccountAttribute::attributeName)
                    .contains("supported-platforms", "max-instances", "max-elastic-ips", "vpc-max-security-groups-per-interface");
            AccountAttribute platforms = ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("supported-platforms"))
                    .accountAttributes().get(0);
            assertThat(platforms.attributeValues()).extracting(v -> v.attributeValue()).containsExactly("VPC");
            assertThat(ec2.describeAccountAttributes().accountAttributes()).filteredOn(a -> a.attributeName().equals("max-instances"))
                    .singleElement().satisfies(a -> assertThat(a.attributeValues().get(0).attributeValue()).isEqualTo("20"));
            assertEc2Error(() -> ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("bogus")), "InvalidParameterValue", 400);
        }
    }
}
