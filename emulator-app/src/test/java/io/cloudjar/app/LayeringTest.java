package io.cloudjar.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering the design rests on: services work on SDK model objects and never see HTTP, XML, JSON or
 * Netty; the core never depends on a service; stores never call providers.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cloudjar");

    private static final String[] SERVICES = {"io.cloudjar.iam..", "io.cloudjar.vpc..", "io.cloudjar.ec2..",
            "io.cloudjar.s3..", "io.cloudjar.rds..", "io.cloudjar.lightsail.."};

    @Test
    void everyModuleIsOnTheImportedClassPath() {
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("io.cloudjar.s3.BucketsProvider")
                && CLASSES.contain("io.cloudjar.vpc.VpcProvider") && CLASSES.contain("io.cloudjar.core.server.CloudjarServer"))
                .as("the rules below only mean something if they see the service classes").isTrue();
    }

    @Test
    void servicesDoNotTouchTransportOrCodecs() {
        noClasses().that().resideInAnyPackage(SERVICES)
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.cloudjar.core.protocol..",
                        "io.cloudjar.core.server..", "io.cloudjar.core.routing..", "javax.xml.stream..",
                        "com.fasterxml.jackson.core..")
                .because("providers take and return SDK model objects; the codecs own the wire")
                .check(CLASSES);
    }

    @Test
    void coreDoesNotDependOnServices() {
        noClasses().that().resideInAPackage("io.cloudjar.core..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
                .check(CLASSES);
    }

    @Test
    void storesDoNotCallProviders() {
        noClasses().that().resideInAPackage("io.cloudjar.core.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cloudjar.core.spi..", "io.cloudjar.core.pipeline..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotReachIntoEachOtherExceptEc2UsingVpc() {
        for (String service : SERVICES) {
            String[] others = java.util.Arrays.stream(SERVICES).filter(s -> !s.equals(service))
                    .filter(s -> !(service.equals("io.cloudjar.ec2..") && s.equals("io.cloudjar.vpc..")))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(service).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true).check(CLASSES);
        }
    }
}
