package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.AlertDocument;
import io.callqa.analysis.document.AssistDocument;
import io.callqa.analysis.document.AssistDocuments;
import io.callqa.analysis.document.CallDocuments;
import io.callqa.analysis.document.LiveStamp;
import io.callqa.analysis.live.LiveCallSession;
import io.callqa.analysis.live.LivePack;
import io.callqa.analysis.live.SettledAlert;
import io.callqa.analysis.live.UtteranceOutcome;
import io.callqa.console.ConsoleServer;
import io.callqa.console.Users;
import io.callqa.pipeline.CallqaIndices;
import io.callqa.pipeline.CallqaJob;
import io.callqa.pipeline.OpenSearchConnection;
import io.callqa.pipeline.PipelineOptions;
import io.callqa.rules.assist.AssistEvent;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.TranscriptReader;
import io.callqa.rules.transcript.Utterance;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The supervisor console in real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}, driven by Selenium) over a real OpenSearch holding the sample calls as the
 * production job indexes them. One job run and one console for the class; each page's screenshot is
 * saved under {@code target/console-screenshots/}.
 */
@ExtendWith(OpenSearchExtension.class)
class ConsoleBrowserITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path ABUSE =
            Path.of("src", "test", "resources", "io", "callqa", "cli", "abuse");

    /** The demo agent user: an agent of the samples, whose agent views are theirs. */
    private static final String AGENT = "a-104";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Path calls;
    private static OpenSearchTransport transport;
    private static ConsoleServer console;
    private static HeadlessChromium chromium;
    private static WebDriver browser;
    private static Map<String, String> passwords;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void indexSamplesAndStart(OpenSearchNode node) throws Exception {
        chromium = HeadlessChromium.start("ConsoleBrowserITCase");
        browser = chromium.driver;
        transport = OpenSearchConnection.open(node.httpUri());
        generic(
                "DELETE",
                "/callqa-calls,callqa-alerts*,callqa-assist*,callqa-errors*,callqa-reviews"
                        + "?ignore_unavailable=true",
                null);
        calls = Files.createTempDirectory("console-it");
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(json|wav)$")).toList()) {
                Files.copy(f, calls.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // Abusive and angry-but-civil calls beside the samples, for the abuse figures.
        try (Stream<Path> files = Files.list(ABUSE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(f, calls.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        CallqaIndices.installTemplates(node.httpUri());
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.OPENSEARCH_HOSTS, List.of(node.httpUri().toString()));
        CallqaJob.recordedCalls(new org.apache.flink.core.fs.Path(calls.toUri()), null, conf)
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());
        generic("POST", "/callqa-calls,callqa-alerts*/_refresh", null);

        Path usersFile = calls.resolve("users.txt");
        passwords = ConsoleCommand.writeDemoUsers(usersFile, AGENT);
        console =
                ConsoleServer.builder()
                        .opensearch(transport)
                        .users(Users.read(usersFile))
                        .port(0)
                        .audioDir(calls)
                        .start();

        // Basic auth once with the URL; Chromium then sends the credentials for the origin,
        // also for the pages' fetch and EventSource requests.
        URI u = console.url();
        browser.get(
                "http://supervisor:"
                        + passwords.get("supervisor")
                        + "@"
                        + u.getHost()
                        + ":"
                        + u.getPort()
                        + "/calls");
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (console != null) {
            console.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    @Test
    void listFiltersSortAndSearchInEnglishAndKorean() throws Exception {
        open("/calls?lang=en");
        List<String> all = rows();
        assertThat(all)
                .hasSize(sampleIds().size())
                .containsExactlyInAnyOrderElementsOf(sampleIds());
        screenshot("calls");

        // Through the form: calls that failed compliance, exactly those the index says.
        new Select(browser.findElement(By.id("f-compliance"))).selectByValue("failed");
        browser.findElement(By.id("apply")).click();
        wait(d -> d.getCurrentUrl().contains("compliance=failed"));
        assertThat(rows())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(
                        idsWhere("{\"term\":{\"qa.compliance_passed\":false}}"));

        open("/calls?qa_max=60&sort=qa_score&dir=asc");
        List<String> low = rows();
        assertThat(low)
                .containsExactlyInAnyOrderElementsOf(
                        idsWhere("{\"range\":{\"qa.score\":{\"lte\":60}}}"));
        List<Double> scores =
                browser.findElements(By.cssSelector("#calls tr.call td.qa")).stream()
                        .map(e -> Double.parseDouble(e.getText()))
                        .toList();
        assertThat(scores).isSortedAccordingTo(Double::compare);

        open("/calls?team=logistics&category=shipping");
        assertThat(rows())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(
                        idsWhere(
                                "{\"bool\":{\"filter\":[{\"term\":{\"team\":\"logistics\"}},"
                                        + "{\"term\":{\"category.label\":\"shipping\"}}]}}"));

        open("/calls?emotion=agitated");
        assertThat(rows())
                .isNotEmpty()
                .allSatisfy(id -> assertThat(customerAgitated(id)).as(id).isTrue())
                .hasSize(
                        (int)
                                sampleIds().stream()
                                        .filter(ConsoleBrowserITCase::customerAgitated)
                                        .count());

        open("/calls?from=2026-11-03&to=2026-11-04");
        assertThat(rows())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(
                        idsWhere(
                                "{\"range\":{\"started_at\":{\"gte\":\"2026-11-03T00:00:00Z\","
                                        + "\"lt\":\"2026-11-05T00:00:00Z\"}}}"));

        // Free text: Korean by word stem through the cjk sub-field, English by word; the
        // matching utterance is shown with the hit marked.
        open("/calls?q=" + URLEncoder.encode("환불", StandardCharsets.UTF_8));
        List<String> korean = rows();
        assertThat(korean).contains("s-ko-refund-01").allMatch(id -> transcriptContains(id, "환불"));
        assertThat(browser.findElements(By.cssSelector("tr.snippet mark"))).isNotEmpty();
        screenshot("calls-search-ko");
        open("/calls?q=charged");
        assertThat(rows())
                .contains("s-en-billing-02")
                .allMatch(id -> transcriptContains(id, "charged"));

        open("/calls?qa_min=abc");
        assertThat(browser.findElement(By.cssSelector("p.problem")).getText())
                .contains("qa_min: expected a QA score from 0 to 100, got 'abc'");

        open("/calls?lang=ko");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("통화 목록");
        screenshot("calls-ko");
    }

    @Test
    void detailHighlightsTheViolationAndChartsTheVoice() throws Exception {
        open("/calls/s-en-billing-02");
        WebElement violation =
                browser.findElement(
                        By.cssSelector("mark.ev-fail[data-rule='identity-verification']"));
        assertThat(violation.getText()).isEqualToIgnoringCase("I see two charges");
        assertThat(browser.findElement(By.id("rule-identity-verification")).getAttribute("class"))
                .contains("fail");
        assertThat(
                        browser.findElement(By.cssSelector("#rule-identity-verification td.result"))
                                .getText())
                .isEqualTo("failed");
        JsonNode call = doc("callqa-calls", "s-en-billing-02");
        WebElement chart = browser.findElement(By.id("prosody-chart"));
        assertThat(chart.findElements(By.cssSelector("polyline.series-customer"))).hasSize(3);
        assertThat(chart.findElements(By.cssSelector("polyline.series-agent"))).hasSize(3);
        assertThat(chart.findElements(By.cssSelector("line.alert-marker")))
                .hasSize(3 * call.path("alerts").size());
        assertThat(browser.findElement(By.id("category-label")).getText())
                .startsWith(call.at("/category/label").asText());
        assertThat(browser.findElement(By.id("player")).getAttribute("src"))
                .endsWith("/calls/s-en-billing-02/audio");
        screenshot("call-detail");

        // What the playbooks suggested on a refund call, and whether the agent followed it.
        open("/calls/s-en-refund-01");
        JsonNode refund = doc("callqa-calls", "s-en-refund-01");
        int steps = 0;
        int followed = 0;
        for (JsonNode p : refund.at("/assist/playbooks")) {
            for (JsonNode st : p.path("steps")) {
                steps++;
                followed += st.path("followed").asBoolean() ? 1 : 0;
            }
        }
        assertThat(steps).as("playbook steps of s-en-refund-01").isPositive();
        assertThat(browser.findElements(By.cssSelector("#assist-steps tr.assist-step")))
                .hasSize(steps);
        assertThat(browser.findElements(By.cssSelector("#assist-steps tr.assist-step td.pass")))
                .hasSize(followed);

        // Redactions are tags, never the digits.
        open("/calls/s-en-billing-01");
        assertThat(browser.findElements(By.cssSelector("#transcript-lines .redaction")))
                .extracting(WebElement::getText)
                .contains("CARD");

        // The recording plays (with ranges for seeking); a path outside the allowed directory
        // is never served, whatever the index says.
        String auth = basic("compliance");
        HttpResponse<byte[]> wav = get("/calls/s-en-billing-02/audio", auth, "bytes=0-11");
        assertThat(wav.statusCode()).isEqualTo(206);
        assertThat(new String(wav.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        ObjectNode evil = (ObjectNode) call.deepCopy();
        evil.put("call_id", "x-evil");
        ((ObjectNode) evil.path("source")).put("uri", "file:" + calls.resolve("../../etc/passwd"));
        generic("PUT", "/callqa-calls/_doc/x-evil?refresh=true", evil);
        try {
            assertThat(get("/calls/x-evil/audio", auth, null).statusCode()).isEqualTo(404);
            ((ObjectNode) evil.path("source")).put("uri", "file:/etc/passwd.wav");
            generic("PUT", "/callqa-calls/_doc/x-evil?refresh=true", evil);
            assertThat(get("/calls/x-evil/audio", auth, null).statusCode()).isEqualTo(404);
        } finally {
            generic("DELETE", "/callqa-calls/_doc/x-evil?refresh=true", null);
        }
    }

    @Test
    void anOverrideIsStoredWithWhoAndWhenAndShownInTheHistory() throws Exception {
        open("/calls/s-en-other-01");
        assertThat(
                        browser.findElement(By.cssSelector("#rule-recording-disclosure td.result"))
                                .getText())
                .isEqualTo("failed");
        WebElement form = browser.findElement(By.id("review-rule-recording-disclosure"));
        new Select(form.findElement(By.name("value"))).selectByValue("passed");
        String reason = "Disclosure played by the IVR before pickup <b>checked</b>";
        form.findElement(By.name("reason")).sendKeys(reason);
        Instant before = Instant.now();
        form.findElement(By.tagName("button")).click();
        wait(d -> !d.findElements(By.cssSelector("#review-history tr.review-entry")).isEmpty());

        WebElement entry = browser.findElement(By.cssSelector("#review-history tr.review-entry"));
        assertThat(entry.findElement(By.cssSelector("td.reason")).getText()).isEqualTo(reason);
        assertThat(entry.getText())
                .contains("supervisor", "recording-disclosure", "failed → passed");
        assertThat(
                        browser.findElement(By.cssSelector("#rule-recording-disclosure .override"))
                                .getText())
                .contains("overridden: passed");
        screenshot("call-review");

        JsonNode hits =
                generic(
                        "POST",
                        "/callqa-reviews/_search",
                        JSON.readTree("{\"query\":{\"term\":{\"call_id\":\"s-en-other-01\"}}}"));
        assertThat(hits.at("/hits/hits")).hasSize(1);
        JsonNode review = hits.at("/hits/hits/0/_source");
        assertThat(review.path("reviewer").asText()).isEqualTo("supervisor");
        assertThat(review.path("role").asText()).isEqualTo("supervisor");
        assertThat(review.path("action").asText()).isEqualTo("override");
        assertThat(review.path("rule_id").asText()).isEqualTo("recording-disclosure");
        assertThat(review.path("original").asText()).isEqualTo("failed");
        assertThat(review.path("value").asText()).isEqualTo("passed");
        assertThat(review.path("reason").asText()).isEqualTo(reason);
        assertThat(Instant.parse(review.path("@timestamp").asText()))
                .isBetween(before.minusSeconds(5), Instant.now());

        // A review without a reason is refused and nothing is stored.
        HttpResponse<byte[]> noReason =
                post(
                        "/calls/s-en-other-01/review",
                        basic("supervisor"),
                        "target=category&value=billing&reason=",
                        true);
        assertThat(noReason.statusCode()).isEqualTo(400);
    }

    @Test
    void anAlertInjectedIntoTheIndexAppearsInTheLivePanelWithinTwoSeconds() throws Exception {
        open("/alerts");
        wait(d -> d.findElement(By.id("live-state")).getText().equals("live"));
        assertThat(browser.findElements(By.cssSelector("tr.alert-row"))).isNotEmpty();
        String id = "it-live-" + System.nanoTime();
        ObjectNode alert = JSON.createObjectNode();
        alert.put("alert_id", id);
        alert.put("call_id", "s-en-billing-02");
        alert.put("@timestamp", "2026-11-05T16:37:09Z");
        alert.put("type", "anger");
        alert.put("severity", "high");
        alert.put("t", 9.5);
        alert.put("message", "customer agitated <img src=x onerror=alert(1)>");
        alert.put("agent_id", "a-143");
        alert.put("team", "billing");
        alert.put("acknowledged", false);
        // Indexed as the job does (no forced refresh): the panel must see it by itself.
        generic("PUT", "/callqa-alerts/_doc/" + id, alert);
        long indexed = System.nanoTime();
        By row = By.id("alert-" + id);
        long deadline = indexed + Duration.ofSeconds(2).toNanos();
        while (browser.findElements(row).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - indexed) / 1e9;
        System.out.printf("live alert shown %.2f s after indexing%n", seconds);
        assertThat(browser.findElements(row)).as("alert row after %.2f s", seconds).hasSize(1);
        assertThat(browser.findElement(row).getText())
                .contains("customer agitated <img src=x onerror=alert(1)>");
        screenshot("alerts");

        browser.findElement(row).findElement(By.cssSelector("button.ack")).click();
        wait(d -> d.findElement(row).getText().contains("✔"));
        assertThat(browser.findElement(row).getText()).contains("supervisor");
        JsonNode stored = doc("callqa-alerts", id);
        assertThat(stored.path("acknowledged").asBoolean()).isTrue();
        assertThat(stored.path("acknowledged_by").asText()).isEqualTo("supervisor");
    }

    @Test
    void rolesLimitWhatEachUserMayOpenAndDo() throws Exception {
        assertThat(get("/calls", null, null).statusCode()).isEqualTo(401);
        assertThat(
                        get(
                                        "/calls",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "floor:wrong-password"
                                                                        .getBytes(
                                                                                StandardCharsets
                                                                                        .UTF_8)),
                                        null)
                                .statusCode())
                .isEqualTo(401);
        String floor = basic("floor");
        assertThat(get("/calls", floor, null).statusCode()).isEqualTo(403);
        assertThat(get("/calls/s-en-billing-02", floor, null).statusCode()).isEqualTo(403);
        assertThat(get("/alerts", floor, null).statusCode()).isEqualTo(200);
        String compliance = basic("compliance");
        assertThat(get("/calls/s-en-billing-02", compliance, null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> csv = get("/calls.csv?compliance=failed", compliance, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("call_id,started_at");
        assertThat(lines)
                .hasSize(1 + idsWhere("{\"term\":{\"qa.compliance_passed\":false}}").size());
        assertThat(get("/calls.csv", floor, null).statusCode()).isEqualTo(403);
        assertThat(
                        post(
                                        "/calls/s-en-billing-02/review",
                                        compliance,
                                        "target=category&value=billing&reason=x",
                                        true)
                                .statusCode())
                .isEqualTo(403);
        // A cross-site form post carries the browser's credentials but not the page's token.
        assertThat(
                        post(
                                        "/calls/s-en-billing-02/review",
                                        basic("supervisor"),
                                        "target=category&value=billing&reason=x",
                                        false)
                                .statusCode())
                .isEqualTo(403);
        assertThat(post("/alerts/ack", compliance, "id=nothing", true).statusCode()).isEqualTo(403);
    }

    @Test
    void aggregatesChartTheCalls() throws Exception {
        open("/aggregates");
        for (String chart :
                List.of("chart-scores", "chart-categories", "chart-rules", "chart-sentiment")) {
            assertThat(browser.findElements(By.id(chart))).as(chart).hasSize(1);
        }
        assertThat(browser.findElements(By.cssSelector("#chart-scores rect"))).hasSize(11);
        assertThat(browser.findElements(By.cssSelector("#agents tbody tr")))
                .hasSize(
                        idsWhere("{\"match_all\":{}}").stream()
                                .map(id -> doc("callqa-calls", id).path("agent_id").asText())
                                .collect(java.util.stream.Collectors.toSet())
                                .size());
        screenshot("aggregates");
    }

    @Test
    void theAgentViewShowsEachSuggestionAsItComesAndMovesItToDoneOnceDone() throws Exception {
        // A sample call heard live by the production session, its events indexed one by one as
        // the live job writes them (no forced refresh), with an abusive remark at the end.
        String callId = "s-en-refund-01-agent-view";
        JsonNode sidecar = JSON.readTree(SAMPLES.resolve("s-en-refund-01.json").toFile());
        CallTranscript call = new TranscriptReader().read(SAMPLES.resolve("s-en-refund-01.json"));
        Map<String, String> metadata =
                Map.of(
                        "agent_id", sidecar.path("agent_id").asText(),
                        "team", sidecar.path("team").asText());
        assertThat(metadata.get("agent_id")).isEqualTo(AGENT);
        LiveCallSession session =
                new LiveCallSession(
                        new LivePack(new RulePackLoader().loadDefault("en")),
                        callId,
                        "en",
                        metadata);
        List<AssistDocument> assist = new ArrayList<>();
        List<AlertDocument> alerts = new ArrayList<>();
        List<Utterance> heard = new ArrayList<>(call.utterances());
        double end = heard.get(heard.size() - 1).end();
        heard.add(
                new Utterance(
                        Speaker.CUSTOMER, end + 1, end + 4, "you useless idiot, just do your job"));
        for (Utterance u : heard) {
            UtteranceOutcome o = session.heard(u, null);
            long now = System.currentTimeMillis();
            for (AssistEvent e : o.assist()) {
                assist.add(
                        AssistDocuments.event(
                                callId,
                                "en",
                                call.startedAt(),
                                metadata,
                                e,
                                new LiveStamp(now, LiveStamp.SettledBy.UTTERANCE, now)));
            }
            for (SettledAlert a : o.alerts()) {
                alerts.add(
                        CallDocuments.alert(
                                callId,
                                "en",
                                call.startedAt(),
                                metadata,
                                a.alert(),
                                a.speaker(),
                                a.text(),
                                new LiveStamp(now, LiveStamp.SettledBy.UTTERANCE, now)));
            }
        }
        List<AssistDocument> suggested =
                assist.stream().filter(d -> d.json().contains("\"type\":\"suggested\"")).toList();
        List<AssistDocument> withdrawn =
                assist.stream().filter(d -> d.json().contains("\"type\":\"withdrawn\"")).toList();
        assertThat(suggested).as("suggestions for a refund call").isNotEmpty();
        assertThat(withdrawn).as("steps the agent did").isNotEmpty();
        AlertDocument abuse =
                alerts.stream()
                        .filter(a -> a.alertId().endsWith(":abuse"))
                        .findFirst()
                        .orElseThrow();

        // The first suggestion is there when the view opens; the rest arrive while it is open.
        index(assist.get(0));
        generic("POST", "/callqa-assist*/_refresh", null);
        open("/live");
        assertThat(browser.findElements(By.cssSelector("#live-calls tr.live-call")))
                .extracting(e -> e.getAttribute("data-call"))
                .contains(callId);
        open("/live/" + callId);
        wait(d -> d.findElement(By.id("live-state")).getText().equals("live"));
        assertThat(browser.findElements(By.cssSelector("#suggestions li.step"))).hasSize(1);
        List<Double> latencies = new ArrayList<>();
        for (AssistDocument d : assist.subList(1, assist.size())) {
            index(d);
            long indexed = System.nanoTime();
            JsonNode e = JSON.readTree(d.json());
            String key =
                    (e.path("playbook").asText() + "--" + e.path("step").asText())
                            .replaceAll("[^A-Za-z0-9_-]", "_");
            String where = e.path("type").asText().equals("suggested") ? "#suggestions" : "#done";
            By item = By.cssSelector(where + " li#step-" + key);
            wait(x -> !x.findElements(item).isEmpty());
            latencies.add((System.nanoTime() - indexed) / 1e9);
        }
        Collections.sort(latencies);
        System.out.printf(
                "agent view: %d events shown, median %.2f s, slowest %.2f s after indexing%n",
                latencies.size(),
                latencies.get(latencies.size() / 2),
                latencies.get(latencies.size() - 1));
        assertThat(latencies.get(latencies.size() - 1)).as("slowest event, s").isLessThan(2.0);
        // What is done has left the suggestions; what is not is still shown, with its phrases.
        assertThat(browser.findElements(By.cssSelector("#done li.step"))).hasSize(withdrawn.size());
        assertThat(browser.findElements(By.cssSelector("#suggestions li.step")))
                .hasSize(suggested.size() - withdrawn.size());
        String firstText = JSON.readTree(suggested.get(0).json()).path("text").asText();
        assertThat(browser.findElement(By.id("agent-view")).getText()).contains(firstText);

        // The abuse alert reaches the agent with the notice they may read.
        generic(
                "PUT",
                "/callqa-alerts-" + day(abuse.at()) + "/_doc/" + abuse.alertId(),
                JSON.readTree(abuse.json()));
        By notice = By.cssSelector("li.call-alert.abuse .notice");
        wait(x -> !x.findElements(notice).isEmpty());
        assertThat(browser.findElement(notice).getText())
                .contains(JSON.readTree(abuse.json()).at("/abuse/notice").asText());
        screenshot("agent-view");

        // An agent follows only their own calls; nothing else of the console is theirs.
        String agent = basic(AGENT);
        HttpResponse<byte[]> own = get("/api/live/" + callId, agent, null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).path("assist")).hasSize(assist.size());
        assertThat(get("/calls", agent, null).statusCode()).isEqualTo(403);
        assertThat(get("/alerts", agent, null).statusCode()).isEqualTo(403);
        assertThat(get("/abuse", agent, null).statusCode()).isEqualTo(403);
        assertThat(get("/live/" + callId, basic("compliance"), null).statusCode()).isEqualTo(403);
        String list = new String(get("/live", agent, null).body(), StandardCharsets.UTF_8);
        assertThat(list).contains(callId);
        open("/live/" + callId + "?lang=ko");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("상담원 화면");
    }

    @Test
    void theAbusePageCountsAbusiveCallsPerAgentPerDayAndListsThem() throws Exception {
        List<String> flagged = idsWhere("{\"term\":{\"abuse.flagged\":true}}");
        assertThat(flagged).as("abusive calls indexed").isNotEmpty();
        open("/abuse");
        assertThat(browser.findElements(By.cssSelector("#abuse-calls tr.abuse-call")))
                .extracting(e -> e.getAttribute("data-call"))
                .containsExactlyInAnyOrderElementsOf(flagged);
        // Per agent and UTC day, as many as the index holds; angry but civil calls are not there.
        for (String id : flagged) {
            JsonNode c = doc("callqa-calls", id);
            String day = c.path("started_at").asText().substring(0, 10);
            String agentId = c.path("agent_id").asText();
            long expected =
                    idsWhere(
                                    "{\"bool\":{\"filter\":[{\"term\":{\"abuse.flagged\":true}},"
                                            + "{\"term\":{\"agent_id\":\""
                                            + agentId
                                            + "\"}},{\"range\":{\"started_at\":{\"gte\":\""
                                            + day
                                            + "T00:00:00Z\",\"lt\":\""
                                            + java.time.LocalDate.parse(day).plusDays(1)
                                            + "T00:00:00Z\"}}}]}}")
                            .size();
            WebElement cell =
                    browser.findElement(
                            By.cssSelector(
                                    "#abuse-agents tr[data-agent='"
                                            + agentId
                                            + "'] td[data-day='"
                                            + day
                                            + "']"));
            assertThat(cell.getText())
                    .as(agentId + " on " + day)
                    .isEqualTo(Long.toString(expected));
            assertThat(
                            browser.findElement(
                                            By.cssSelector(
                                                    "#abuse-agents tr[data-agent='"
                                                            + agentId
                                                            + "'] td.since"))
                                    .getText())
                    .endsWith("ago");
        }
        assertThat(browser.findElements(By.cssSelector("#abuse-agents tr.abuse-agent")))
                .extracting(e -> e.getAttribute("data-agent"))
                .doesNotContain("a-903", "a-904");
        screenshot("abuse");

        // The call page lists the abuse with its evidence and the notice.
        String id = flagged.get(0);
        open("/calls/" + id);
        JsonNode c = doc("callqa-calls", id);
        assertThat(browser.findElements(By.cssSelector("#abuse-findings tr.abuse-finding")))
                .hasSize(c.at("/abuse/count").asInt());
        assertThat(browser.findElement(By.id("abuse-notice")).getText())
                .contains(c.at("/abuse/notice").asText());
        screenshot("call-abuse");

        // Floor managers see the figures but no transcript; Korean reads Korean.
        String page =
                new String(get("/abuse", basic("floor"), null).body(), StandardCharsets.UTF_8);
        assertThat(page).contains(id).doesNotContain("href=\"/calls/");
        open("/abuse?lang=ko");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("상담원 폭언 피해");
        open("/abuse?to=yesterday");
        assertThat(browser.findElement(By.cssSelector("p.problem")).getText())
                .contains("to: expected a date such as 2026-12-01, got 'yesterday'");
    }

    /** Indexes an assist event where the live job puts it. */
    private static void index(AssistDocument d) throws IOException {
        generic(
                "PUT",
                "/callqa-assist-" + day(d.at()) + "/_doc/" + d.eventId(),
                JSON.readTree(d.json()));
    }

    /** The UTC day part of a daily index name, as the job writes it. */
    private static String day(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd")
                .withZone(java.time.ZoneOffset.UTC)
                .format(at);
    }

    // --- helpers ---

    /** Opens a console page, in English unless the path asks for a language. */
    private static void open(String path) {
        String url = console.url() + path;
        if (!path.contains("lang=")) {
            url += (path.contains("?") ? "&" : "?") + "lang=en";
        }
        browser.get(url);
    }

    private static List<String> rows() {
        return browser.findElements(By.cssSelector("#calls tr.call")).stream()
                .map(e -> e.getAttribute("data-call"))
                .toList();
    }

    private static void wait(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).until(condition::apply);
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    /** The ids of the calls the job indexed: the samples and the abuse calls beside them. */
    private static List<String> sampleIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(calls)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ids.add(JSON.readTree(f.toFile()).path("call_id").asText());
            }
        }
        return ids;
    }

    private static List<String> idsWhere(String query) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("size", 1000);
            body.set("query", JSON.readTree(query));
            body.putArray("_source").add("call_id");
            List<String> ids = new ArrayList<>();
            generic("POST", "/callqa-calls/_search", body)
                    .at("/hits/hits")
                    .forEach(h -> ids.add(h.at("/_source/call_id").asText()));
            return ids;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode doc(String index, String id) {
        try {
            return generic("GET", "/" + index + "/_doc/" + id, null).path("_source");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean customerAgitated(String id) {
        for (JsonNode u : doc("callqa-calls", id).path("utterances")) {
            if (u.path("speaker").asText().equals("customer") && u.path("agitated").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static boolean transcriptContains(String id, String word) {
        JsonNode c = doc("callqa-calls", id);
        return c.path("utterances").toString().toLowerCase(java.util.Locale.ROOT).contains(word)
                || c.path("summary").asText().toLowerCase(java.util.Locale.ROOT).contains(word);
    }

    private static JsonNode generic(String method, String endpoint, JsonNode body)
            throws IOException {
        String path = endpoint;
        java.util.Map<String, String> query = new java.util.HashMap<>();
        int q = endpoint.indexOf('?');
        if (q >= 0) {
            path = endpoint.substring(0, q);
            for (String kv : endpoint.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                query.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        var b = Requests.builder().method(method).endpoint(path).query(query);
        if (body != null) {
            b.json(JSON.writeValueAsString(body));
        }
        try (Response r = new OpenSearchGenericClient(transport).execute(b.build())) {
            byte[] bytes = r.getBody().map(x -> x.bodyAsBytes()).orElse(new byte[0]);
            assertThat(r.getStatus() / 100)
                    .as(method + " " + endpoint + ": " + new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(2);
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (user + ":" + passwords.get(user))
                                        .getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> get(String path, String auth, String range)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console.url() + path)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (range != null) {
            b.header("Range", range);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form post; {@code withToken} adds the CSRF token that the console's pages carry. */
    private static HttpResponse<byte[]> post(
            String path, String auth, String form, boolean withToken) throws Exception {
        String body = form;
        if (withToken) {
            String page = new String(get("/alerts", auth, null).body(), StandardCharsets.UTF_8);
            String token = page.replaceAll("(?s).*data-csrf=\"([^\"]+)\".*", "$1");
            body = form + "&csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }
        HttpRequest r =
                HttpRequest.newBuilder(URI.create(console.url() + path))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }
}
