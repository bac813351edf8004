package io.cloudjar.vpc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudjar.core.errors.AwsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EC2 error catalogue: what {@link Ec2Errors#of} answers and which rows the file may hold. */
class Ec2ErrorsTest {

    @Test
    void anErrorIsTheCodeBeforeTheHashWithItsStatusAndFormattedTemplate() {
        AwsException e = Ec2Errors.of("InvalidParameterValue#cidrBlock", "10.0.0.1/16");
        assertThat(e.code()).isEqualTo("InvalidParameterValue");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Value (10.0.0.1/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        assertThat(Ec2Errors.of("InvalidVpcID.NotFound", "vpc-1").code()).isEqualTo("InvalidVpcID.NotFound");
        assertThat(Ec2Errors.of("AuthFailure").status()).isEqualTo(401);
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThatThrownBy(() -> Ec2Errors.of("InvalidVpcID.Missing", "vpc-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("InvalidVpcID.Missing");
    }

    @Test
    void malformedRowsAndRepeatedKeysAreRefused() {
        String[] good = {"InvalidVpcID.NotFound", "400", "The vpc ID '%s' does not exist"};
        assertThat(Ec2Errors.parse(List.<String[]>of(good))).containsOnlyKeys("InvalidVpcID.NotFound");
        for (String[] bad : List.of(new String[] {"InvalidVpcID.NotFound", "400"},
                new String[] {"InvalidVpcID.NotFound", "400", "x", "extra"},
                new String[] {"Invalid Vpc", "400", "x"},
                new String[] {"InvalidParameterValue#", "400", "x"},
                new String[] {"InvalidVpcID.NotFound", "40", "x"},
                new String[] {"InvalidVpcID.NotFound", "200", "x"},
                new String[] {"InvalidVpcID.NotFound", "400", " "})) {
            assertThatThrownBy(() -> Ec2Errors.parse(List.<String[]>of(bad))).as(String.join("|", bad))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Malformed row");
        }
        assertThatThrownBy(() -> Ec2Errors.parse(List.of(good, good)))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Repeated key");
    }

    @Test
    void theFileIsSortedByKey() {
        List<String> keys = DataFiles.tsv(Ec2Errors.RESOURCE).stream().map(row -> row[0]).toList();
        assertThat(keys).isSorted().hasSize(Ec2Errors.entries().size());
    }
}
