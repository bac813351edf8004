package io.cloudjar.s3.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small bodies stay in memory without kept state, and read back through the same channel API as files. */
class BlobStoreMemoryTierTest {
    @TempDir
    Path dataDir;

    @Test
    void aSmallBodyWithoutKeptStateIsNoFileAndReadsBackWhole() throws Exception {
        try (BlobStore blobs = new BlobStore(dataDir)) {
            byte[] body = bytes(4096);
            BlobStore.WrittenBlob blob = blobs.write(new ByteArrayInputStream(body), ChecksumAlgorithms.CRC64NVME, body.length);

            assertThat(blobs.inMemory(blob.path())).isTrue();
            assertThat(Files.exists(blob.path())).isFalse();
            assertThat(blob.size()).isEqualTo(4096);
            assertThat(blob.md5()).isEqualTo(MessageDigest.getInstance("MD5").digest(body));
            assertThat(blobs.size(blob.path())).isEqualTo(4096);
            assertThat(blobs.readAll(blob.path())).isEqualTo(body);
            try (FileChannel channel = blobs.open(blob.path())) {
                assertThat(channel.size()).isEqualTo(4096);
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                long at = 100;
                while (at < 4096) { // as the response writer's file region sends a range
                    at += channel.transferTo(at, 4096 - at, Channels.newChannel(sent));
                }
                assertThat(sent.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(body, 100, 4096));
                ByteBuffer head = ByteBuffer.allocate(10);
                assertThat(channel.position(5).read(head)).isEqualTo(10);
                assertThat(head.array()).isEqualTo(java.util.Arrays.copyOfRange(body, 5, 15));
                assertThat(channel.position()).isEqualTo(15);
            }
        }
    }

    @Test
    void aDeletedBodyIsGoneButAnOpenChannelStillReadsIt() throws Exception {
        try (BlobStore blobs = new BlobStore(dataDir)) {
            byte[] body = bytes(300);
            BlobStore.WrittenBlob blob = blobs.write(new ByteArrayInputStream(body), null, -1);
            try (FileChannel open = blobs.open(blob.path())) {
                blobs.delete(blob.path());
                assertThat(blobs.inMemory(blob.path())).isFalse();
                assertThatThrownBy(() -> blobs.open(blob.path())).isInstanceOf(NoSuchFileException.class);
                assertThat(Channels.newInputStream(open).readAllBytes()).isEqualTo(body);
            }
        }
    }

    @Test
    void largeBodiesAndKeptStateStayFiles() throws Exception {
        try (BlobStore blobs = new BlobStore(dataDir.resolve("memory"))) {
            byte[] large = bytes(200_000);
            BlobStore.WrittenBlob blob = blobs.write(new ByteArrayInputStream(large), ChecksumAlgorithms.CRC32, large.length);
            assertThat(blobs.inMemory(blob.path())).isFalse();
            assertThat(Files.readAllBytes(blob.path())).isEqualTo(large);
        }
        try (BlobStore kept = new BlobStore(dataDir.resolve("kept"), true)) {
            BlobStore.WrittenBlob blob = kept.write(new ByteArrayInputStream(bytes(10)), null, 10);
            assertThat(kept.inMemory(blob.path())).isFalse();
            assertThat(Files.size(blob.path())).isEqualTo(10);
        }
    }

    @Test
    void aRetiredGenerationTakesItsBodiesInMemoryWithIt() throws Exception {
        try (BlobStore blobs = new BlobStore(dataDir)) {
            BlobStore.WrittenBlob old = blobs.write(new ByteArrayInputStream(bytes(64)), null, 64);
            Path retired = blobs.startGeneration();
            BlobStore.WrittenBlob current = blobs.write(new ByteArrayInputStream(bytes(64)), null, 64);
            blobs.deleteGeneration(retired);
            assertThat(blobs.inMemory(old.path())).isFalse();
            assertThat(blobs.inMemory(current.path())).isTrue();
        }
    }

    @Test
    void partsInMemoryConcatenateWithTheirCombinedChecksum() throws Exception {
        try (BlobStore blobs = new BlobStore(dataDir)) {
            byte[] first = bytes(5000);
            byte[] second = bytes(7000);
            BlobStore.WrittenBlob a = blobs.write(new ByteArrayInputStream(first), null, first.length);
            BlobStore.WrittenBlob b = blobs.write(new ByteArrayInputStream(second), null, second.length);
            BlobStore.WrittenBlob joined = blobs.concatenate(List.of(a.path(), b.path()), ChecksumAlgorithms.CRC32C);

            byte[] whole = new byte[12000];
            System.arraycopy(first, 0, whole, 0, 5000);
            System.arraycopy(second, 0, whole, 5000, 7000);
            assertThat(Files.readAllBytes(joined.path())).isEqualTo(whole);
            ChecksumAlgorithms.Running expected = ChecksumAlgorithms.CRC32C.start();
            expected.update(whole, 0, whole.length);
            assertThat(joined.checksum()).isEqualTo(expected.base64());
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
