package io.callqa.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkipSummaryTest {

    /** Run by the test below through its own launcher, not by the build. */
    static class Fixture {
        @Test
        @Disabled("needs a unicorn")
        void disabled() {}

        @Test
        void withoutItsTool() {
            Assumptions.assumeTrue(false, "praat is not installed (apt-get install praat)");
        }

        @Test
        void alsoWithoutItsTool() {
            Assumptions.assumeTrue(false, "praat is not installed (apt-get install praat)");
        }

        @Test
        void passes() {}
    }

    @Test
    void listsEverySkipWithItsReasonAtTheEndOfTheRun() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SkipSummary summary =
                new SkipSummary(new PrintStream(printed, true, StandardCharsets.UTF_8));
        LauncherFactory.create(
                        LauncherConfig.builder()
                                .enableTestExecutionListenerAutoRegistration(false)
                                .addTestExecutionListeners(summary)
                                .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(Fixture.class))
                                .build());
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out)
                .startsWith("callqa: 3 tests skipped:")
                .contains("  SkipSummaryTest$Fixture: needs a unicorn")
                .contains(
                        "  SkipSummaryTest$Fixture (2): praat is not installed (apt-get install"
                                + " praat)")
                .doesNotContain("passes");
    }
}
