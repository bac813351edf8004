package io.cloudjar.s3;

import io.cloudjar.core.auth.RuleResolver;
import io.cloudjar.core.errors.AwsException;
import io.cloudjar.core.spi.ServiceContext;
import java.util.List;

/**
 * The authorization rules' view of {@code x-amz-copy-source}: {@code {copySource(CopySource)}} is the source's
 * {@code bucket/key}, {@code {copySourceVersion(CopySource)}} the version it names. A malformed header gives
 * nothing, so the copy itself reports it as S3 does.
 */
final class CopySourceResolvers {
    private CopySourceResolvers() {
    }

    static void register(ServiceContext context) {
        context.addRuleResolver("copySource", resolver(source -> source.bucket() + "/" + source.key()));
        context.addRuleResolver("copySourceVersion", resolver(CopySource::versionId));
    }

    private static RuleResolver resolver(java.util.function.Function<CopySource, String> part) {
        return (header, call) -> {
            try {
                String value = part.apply(CopySource.parse(header));
                return value == null || value.isEmpty() ? List.of() : List.of(value);
            } catch (AwsException malformed) {
                return List.of();
            }
        };
    }
}
