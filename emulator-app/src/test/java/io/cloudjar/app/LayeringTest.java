package io.cloudjar.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layering the design rests on, checked on the compiled classes of every module: services work on SDK
 * model objects through a narrow call context and never see HTTP, the pipeline, XML, JSON or Netty; the core
 * never depends on a service and has no package cycles; stores never see a call's context; services do not
 * reach into each other, except service-ec2 and service-rds using service-vpc's shared package {@code io.cloudjar.vpc.api}
 * and service-lightsail using service-ec2's SSH key package {@code io.cloudjar.ec2.keys}, service-rds's database
 * engines {@code io.cloudjar.rds.engine}, service-vpc's {@code io.cloudjar.vpc.api} (the default VPC it peers with)
 * and service-ec2's {@code io.cloudjar.ec2.api} (export to EC2).
 * The service packages are computed (everything under {@code io.cloudjar} but the core and the app), so a new
 * module is checked from its first commit.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // the core's test kit, a test-jar
            .importPackages("io.cloudjar");

    /**
     * The packages of cloudjar-junit5 and cloudjar-testcontainers: tools for users' tests, not services (they
     * start the server, so they may use the core's server package). Not on this module's class path today.
     */
    static final Set<String> TEST_SUPPORT = Set.of("junit5", "testcontainers");

    /** {@code io.cloudjar.<name>..} for every top-level package except the core's, the app's and test support's. */
    static final String[] SERVICES = servicePackages(CLASSES);

    static String[] servicePackages(JavaClasses classes) {
        Set<String> services = new TreeSet<>();
        for (JavaClass c : classes) {
            String[] parts = c.getPackageName().split("\\.");
            if (parts.length >= 3 && parts[0].equals("io") && parts[1].equals("cloudjar")
                    && !parts[2].equals("core") && !parts[2].equals("app")
                    && !TEST_SUPPORT.contains(parts[2])) {
                services.add("io.cloudjar." + parts[2] + "..");
            }
        }
        return services.toArray(String[]::new);
    }

    @Test
    void everyServiceModuleIsOnTheImportedClassPath() {
        assertThat(SERVICES).as("the rules below only mean something if they see every service's classes")
                .contains("io.cloudjar.iam..", "io.cloudjar.vpc..", "io.cloudjar.ec2..", "io.cloudjar.s3..",
                        "io.cloudjar.rds..", "io.cloudjar.lightsail..");
        assertThat(CLASSES.contain("io.cloudjar.core.server.CloudjarServer")).isTrue();
    }

    @Test
    void servicesDoNotTouchTransportPipelineOrCodecs() {
        noClasses().that().resideInAnyPackage(SERVICES)
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.cloudjar.core.http..",
                        "io.cloudjar.core.pipeline..", "io.cloudjar.core.protocol..", "io.cloudjar.core.server..",
                        "io.cloudjar.core.routing..", "io.cloudjar.core.runtime..",
                        "javax.xml.stream..", "com.fasterxml.jackson.core..")
                .because("providers take a CallContext and SDK model objects and return SDK model objects; "
                        + "the pipeline and the codecs own HTTP and the wire")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotDependOnServices() {
        noClasses().that().resideInAPackage("io.cloudjar.core..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
                .check(CLASSES);
    }

    @Test
    void coreHasNoPackageCycles() {
        slices().matching("io.cloudjar.core.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void storesDoNotSeeCallsOrProviders() {
        noClasses().that().resideInAPackage("io.cloudjar.core.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cloudjar.core.spi..", "io.cloudjar.core.pipeline..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage(SERVICES).and().haveSimpleNameEndingWith("Store")
                .or().resideInAnyPackage(SERVICES).and().haveSimpleNameEndingWith("State")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.cloudjar.core.spi.CallContext")
                .because("a store hands out state by account and region; the call's context stays with the provider")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotReachIntoEachOtherExceptEc2AndRdsUsingVpcApiAndLightsailUsingEc2Keys() {
        for (String service : SERVICES) {
            String root = service.substring(0, service.length() - 2);
            // EC2 instances and RDS instances sit in service-vpc's subnets and security groups
            boolean mayUseVpcApi = root.equals("io.cloudjar.ec2") || root.equals("io.cloudjar.rds")
                    || root.equals("io.cloudjar.lightsail"); // Lightsail peers with the default VPC
            // Lightsail's key pairs are EC2's SSH keys, its managed databases RDS's engines, its exports EC2's AMIs
            boolean mayUseEc2Keys = root.equals("io.cloudjar.lightsail");
            DescribedPredicate<JavaClass> elsewhere = DescribedPredicate.describe("belong to another service"
                    + (mayUseVpcApi ? " (but io.cloudjar.vpc.api)" : "") + (mayUseEc2Keys ? " (but io.cloudjar.ec2.keys, io.cloudjar.ec2.api and io.cloudjar.rds.engine)" : ""), c -> {
                        String pkg = c.getPackageName();
                        boolean otherService = Arrays.stream(SERVICES).map(s -> s.substring(0, s.length() - 2))
                                .anyMatch(other -> !other.equals(root) && within(pkg, other));
                        return otherService && !(mayUseVpcApi && within(pkg, "io.cloudjar.vpc.api"))
                                && !(mayUseEc2Keys && (within(pkg, "io.cloudjar.ec2.keys") || within(pkg, "io.cloudjar.ec2.api")
                                || within(pkg, "io.cloudjar.rds.engine")));
                    });
            noClasses().that().resideInAPackage(service).should().dependOnClassesThat(elsewhere)
                    .allowEmptyShould(true).check(CLASSES);
        }
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }
}
