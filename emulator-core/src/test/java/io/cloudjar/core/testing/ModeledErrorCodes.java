package io.cloudjar.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudjar.core.model.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Holds the codes a module raises with {@code AwsErrors.modeled} against the models that give them their status:
 * a code the answering API's model does not declare would be answered as a 500, so it fails here instead.
 */
public final class ModeledErrorCodes {
    private static final ModelRegistry MODELS = new ModelRegistry();

    private ModeledErrorCodes() {
    }

    /**
     * @param sources a module's main sources
     * @param apiOf   the API whose calls raise the errors of a source file ({@code iam}, {@code sts}, {@code s3})
     * @return the calls checked
     */
    public static List<SourceCalls.Call> assertDeclared(Path sources, Function<Path, String> apiOf) {
        List<SourceCalls.Call> calls = SourceCalls.find(sources, "AwsErrors.modeled");
        assertThat(calls).as("modeled errors in " + sources).isNotEmpty().allSatisfy(call ->
                assertThat(MODELS.api(apiOf.apply(call.file())).error(call.key()))
                        .as(call + " in the " + apiOf.apply(call.file()) + " model").isNotNull());
        return calls;
    }

    /** Whether {@code api}'s model declares {@code code}. */
    public static boolean declares(String api, String code) {
        return MODELS.api(api).error(code) != null;
    }
}
