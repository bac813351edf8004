package io.cloudjar.s3.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Full-object checksums combined from parts equal the checksum of the joined bytes, for every CRC. */
class ChecksumCombineTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithms.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void combinedPartChecksumsEqualTheWholeObjectChecksum(ChecksumAlgorithms algorithm) throws Exception {
        Random random = new Random(algorithm.ordinal());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<Path> parts = new ArrayList<>();
                List<Long> sizes = new ArrayList<>();
                ChecksumAlgorithms.Running whole = algorithm.start();
                int count = 1 + random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    byte[] part = new byte[i == 1 ? 0 : random.nextInt(300_000)]; // an empty part too
                    random.nextBytes(part);
                    whole.update(part, 0, part.length);
                    Path file = Files.write(tmp.resolve("part-" + round + "-" + i), part);
                    parts.add(file);
                    sizes.add((long) part.length);
                }
                assertThat(algorithm.combineFiles(parts, sizes, pool)).isEqualTo(whole.base64());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concatenationJoinsPartsAndSumsTheWhole() throws Exception {
        BlobStore store = new BlobStore(tmp);
        byte[] a = new byte[700_000];
        byte[] b = new byte[123];
        new Random(5).nextBytes(a);
        new Random(6).nextBytes(b);
        var pa = store.write(new ByteArrayInputStream(a), null);
        var pb = store.write(new ByteArrayInputStream(b), null);
        var joined = store.concatenate(List.of(pa.path(), pb.path()), ChecksumAlgorithms.CRC64NVME);
        byte[] all = Files.readAllBytes(joined.path());
        assertThat(all).hasSize(a.length + b.length);
        ChecksumAlgorithms.Running direct = ChecksumAlgorithms.CRC64NVME.start();
        direct.update(all, 0, all.length);
        assertThat(joined.checksum()).isEqualTo(direct.base64());
        assertThat(joined.md5()).isNull();
        store.close();
    }
}
