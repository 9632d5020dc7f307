package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.testing.KafkaBroker;
import io.callqa.testing.KafkaExtension;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import picocli.CommandLine;

/**
 * {@code callqa demo --live} as a newcomer runs it (here on the run's shared OpenSearch and Kafka,
 * sped up): the samples are indexed as recorded calls, then replayed as live calls through Kafka
 * and the live job, every live call is indexed, and alerts and suggestions are raised while the
 * calls are live. While the demo runs, headless Chromium watches its console as a newcomer would:
 * the floor's live alerts panel fills in, and a live call's agent view shows its suggestions;
 * screenshots {@code demo-live-alerts.png} and {@code demo-live-agent.png}.
 */
@ExtendWith({OpenSearchExtension.class, KafkaExtension.class})
class DemoLiveITCase {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void replaysTheSamplesAsLiveCallsAndTheConsoleShowsAlertsAndSuggestionsWhileTheyGoOn(
            OpenSearchNode node, KafkaBroker kafka) throws Exception {
        long samples;
        boolean abusive = false;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> sidecars = files.filter(p -> p.toString().endsWith(".json")).toList();
            samples = sidecars.size();
            for (Path f : sidecars) {
                for (JsonNode a : JSON.readTree(f.toFile()).at("/ground_truth/expected_alerts")) {
                    abusive |= a.asText().equals("abuse");
                }
            }
        }
        // The demo runs in-process on its own thread; its output is read while it goes on.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CallqaCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> demo =
                CompletableFuture.supplyAsync(
                        () ->
                                cl.execute(
                                        "demo",
                                        "--samples",
                                        SAMPLES.toString(),
                                        "--opensearch",
                                        node.httpUri().toString(),
                                        "--live",
                                        "--kafka",
                                        kafka.bootstrapServers(),
                                        "--speed",
                                        "2",
                                        "--exit"));

        try (HeadlessChromium chromium = HeadlessChromium.start("DemoLiveITCase")) {
            try {
                WebDriver browser = chromium.driver;
                Matcher banner =
                        await(out, demo, "Supervisor console: (http://\\S+)\\n  sign in as(.*)");
                String url = banner.group(1);
                String credentials = banner.group(2);
                await(out, demo, "Replaying \\d+ sample call\\(s\\) as live calls");

                // The floor manager's panel, while the calls are live.
                signIn(browser, url, credentials, "floor");
                browser.get(url + "/alerts?lang=en");
                chromium.await(
                        WAIT,
                        d ->
                                d.findElements(By.cssSelector("tr.alert-row")).stream()
                                        .anyMatch(r -> r.getText().contains("-live @")));
                if (abusive) {
                    chromium.await(
                            WAIT,
                            d ->
                                    d.findElements(By.cssSelector("tr.alert-row")).stream()
                                            .anyMatch(
                                                    r ->
                                                            r.getText().contains("-live @")
                                                                    && r.getText()
                                                                            .contains("abuse")));
                }
                chromium.screenshot("demo-live-alerts");

                // A supervisor opens the first live call with suggestions and watches its agent
                // view.
                signIn(browser, url, credentials, "supervisor");
                browser.get(url + "/live?lang=en");
                chromium.await(
                        WAIT, d -> !d.findElements(By.cssSelector("tr.live-call a")).isEmpty());
                WebElement first = browser.findElement(By.cssSelector("tr.live-call a"));
                String callId = first.getText();
                assertThat(callId).endsWith("-live");
                first.click();
                chromium.await(
                        WAIT,
                        d -> !d.findElements(By.cssSelector("#agent-view li.step")).isEmpty());
                assertThat(browser.findElement(By.tagName("h1")).getText()).contains(callId);
                chromium.screenshot("demo-live-agent");
            } catch (RuntimeException | AssertionError e) {
                // What the browser showed and what the demo printed, to read the failure by.
                chromium.screenshot("demo-live-failure");
                System.out.println(
                        "DemoLiveITCase: the page at "
                                + chromium.driver.getCurrentUrl()
                                + " shows:\n"
                                + chromium.driver.findElement(By.tagName("body")).getText()
                                + "\nThe demo printed:\n"
                                + out
                                + err);
                throw e;
            }
        }

        int exit = demo.get(5, TimeUnit.MINUTES);
        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed)
                .contains(
                        "Replaying "
                                + samples
                                + " sample call(s) as live calls (ids ending in -live)");
        Matcher m =
                Pattern.compile(
                                "(\\d+) live call\\(s\\) indexed; (\\d+) alert\\(s\\) raised while"
                                        + " the calls were live; (\\d+) suggestion\\(s\\) shown to"
                                        + " their agents")
                        .matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        System.out.println("demo --live: " + m.group());
        assertThat(Long.parseLong(m.group(1))).isEqualTo(samples);
        // The samples include prohibited phrases, spoken card numbers and escalations, and
        // refund, shipping and billing issues that the playbooks answer.
        assertThat(Long.parseLong(m.group(2))).isPositive();
        assertThat(Long.parseLong(m.group(3))).isPositive();
    }

    /** Waits until the demo has printed a match of {@code regex}, or fails if it stopped first. */
    private static Matcher await(StringWriter out, CompletableFuture<Integer> demo, String regex)
            throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            assertThat(demo.isDone())
                    .as("the demo stopped before printing /%s/:%n%s", regex, out)
                    .isFalse();
            Thread.sleep(200);
        }
        throw new AssertionError("the demo did not print /" + regex + "/ in 5 min:\n" + out);
    }

    /**
     * Signs the browser in as {@code user}, with the password from the demo's banner: once with the
     * credentials in the URL, after which Chromium sends them for the origin. Pages are then opened
     * without them, since a page whose URL holds credentials may not {@code fetch}.
     */
    private static void signIn(WebDriver browser, String url, String credentials, String user) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(user) + " / (\\S+)").matcher(credentials);
        assertThat(m.find()).as("password of %s in: %s", user, credentials).isTrue();
        browser.get(url.replace("http://", "http://" + user + ":" + m.group(1) + "@") + "/");
    }
}
