package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleServerBuilderTest {

    @Test
    void settingsSayWhatToPassInstead(@TempDir Path tmp) {
        ConsoleServer.Builder b = ConsoleServer.builder();
        assertThatThrownBy(() -> b.port(70000))
                .hasMessage("port must be 0-65535 (0 = any free port), got 70000");
        assertThatThrownBy(() -> b.bind("no such host.invalid"))
                .hasMessage(
                        "bind address 'no such host.invalid' does not resolve; pass an IP such as"
                                + " 127.0.0.1 or 0.0.0.0");
        assertThatThrownBy(() -> b.audioDir(tmp.resolve("missing")))
                .hasMessage(
                        "audio directory "
                                + tmp.resolve("missing")
                                + " does not exist or is not a directory");
        assertThatThrownBy(() -> b.pollInterval(Duration.ofMillis(1)))
                .hasMessage("alert poll interval must be between 50 ms and 10 s, got PT0.001S");
        assertThatThrownBy(b::start)
                .hasMessage("no OpenSearch given; call opensearch(transport) first");
    }
}
