package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudjar.junit5.Cloudjar;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Every test starts from an empty emulator: the second test does not see the first one's user and bucket. */
@Cloudjar(resetBetweenTests = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UsersTest {

    @Test
    @Order(1)
    void createsAUser(IamClient iam, S3Client s3) {
        iam.createUser(u -> u.userName("deployer"));
        iam.createAccessKey(k -> k.userName("deployer"));
        s3.createBucket(b -> b.bucket("leftover"));

        assertEquals("deployer", iam.getUser(u -> u.userName("deployer")).user().userName());
        assertEquals(1, iam.listAccessKeys(k -> k.userName("deployer")).accessKeyMetadata().size());
    }

    @Test
    @Order(2)
    void startsFromAnEmptyAccount(IamClient iam, S3Client s3) {
        assertTrue(iam.listUsers().users().isEmpty(), "users of the previous test were reset");
        assertTrue(s3.listBuckets().buckets().isEmpty(), "buckets of the previous test were reset");
    }
}
