package io.cloudjar.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceCallsTest {
    private static final Path FILE = Path.of("X.java");

    @Test
    void findsEachCallWithItsLiteralKeyLineAndArgumentCount() {
        String source = """
                class X {
                    // Errors.of("InComment", a)
                    /* Errors.of("InBlock") */
                    void f() {
                        throw Errors.of("A.B#c", g(1, 2), "x, (y)", ',', new int[] {1, 2});
                    }
                    Object h = MyErrors.of("Other", 1);
                    Object i = io.x.Errors.of("Qualified");
                    Object j = Errors.of("Escaped \\"quote\\"",
                            'c');
                }
                """;
        List<SourceCalls.Call> calls = SourceCalls.find(FILE, source, "Errors.of");
        assertThat(calls).extracting(SourceCalls.Call::key).containsExactly("A.B#c", "Qualified", "Escaped \"quote\"");
        assertThat(calls).extracting(SourceCalls.Call::line).containsExactly(5, 8, 9);
        assertThat(calls).extracting(SourceCalls.Call::argumentCount).containsExactly(5, 1, 2);
    }

    @Test
    void aKeyThatIsNotALiteralCannotBeChecked() {
        assertThatThrownBy(() -> SourceCalls.find(FILE, "class X { Object e = Errors.of(key, 1); }", "Errors.of"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("X.java:1");
    }
}
