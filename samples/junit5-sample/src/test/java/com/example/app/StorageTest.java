package com.example.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudjar.junit5.Cloudjar;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The simplest use: the annotation, and the client the code under test needs as a parameter. */
@Cloudjar(services = "s3")
class StorageTest {

    @Test
    void storesAndReadsBackAnObject(S3Client s3) {
        s3.createBucket(b -> b.bucket("reports"));
        s3.putObject(p -> p.bucket("reports").key("2026/q4.csv"), RequestBody.fromString("region,total\neu,42\n"));

        String body = s3.getObjectAsBytes(g -> g.bucket("reports").key("2026/q4.csv")).asUtf8String();

        assertEquals("region,total\neu,42\n", body);
        assertTrue(s3.listObjectsV2(l -> l.bucket("reports")).contents().stream()
                .anyMatch(o -> o.key().equals("2026/q4.csv")));
    }
}
