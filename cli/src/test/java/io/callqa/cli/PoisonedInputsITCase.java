package io.callqa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.document.IndexNames;
import io.callqa.console.ConsoleServer;
import io.callqa.console.Users;
import io.callqa.pipeline.IndexContents;
import io.callqa.pipeline.OpenSearchConnection;
import io.callqa.testing.OpenSearchExtension;
import io.callqa.testing.OpenSearchNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance line of "no input can stop the job": one {@code callqa run --input DIR} over good
 * calls and the poisoned transcripts that used to crash-loop it or hang the console (10 KB of
 * number words after "my date of birth is", a 3.6 KB spelled e-mail address, an utterance ending at
 * 3e9 s, forty dotted capital Is before a disclosure, a 40 KB word). The run must end by itself
 * with exit 0, index the good calls, and index each poisoned file safely or reject it with its
 * reason; the console then opens every indexed call.
 */
@ExtendWith(OpenSearchExtension.class)
@Timeout(300)
class PoisonedInputsITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final List<String> GOOD = List.of("s-en-refund-01", "s-ko-billing-01");
    private static final List<String> POISONED =
            List.of(
                    "p-birth-date",
                    "p-birth-date-within-limit",
                    "p-spelled-email",
                    "p-late-end",
                    "p-dotted-i",
                    "p-long-word");

    @TempDir Path input;

    @Test
    void theRunEndsByItselfAndEveryPoisonedFileIsIndexedOrRejected(OpenSearchNode openSearch)
            throws Exception {
        for (String id : GOOD) {
            for (String ext : List.of(".json", ".wav")) {
                Files.copy(SAMPLES.resolve(id + ext), input.resolve(id + ext));
            }
        }
        String[] digits = {
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
        };
        Random r = new Random(15);
        StringBuilder birth = new StringBuilder("my date of birth is");
        while (birth.length() < 10_000) {
            birth.append(' ').append(digits[r.nextInt(10)]);
        }
        poisoned("p-birth-date", "customer", 0, 60, birth.toString());
        // Just under the utterance limit, so that it reaches the rules.
        poisoned("p-birth-date-within-limit", "customer", 0, 60, birth.substring(0, 4_990));
        poisoned("p-spelled-email", "customer", 0, 30, "a dot ".repeat(600) + "at example dot com");
        poisoned("p-late-end", "agent", 1, 3e9, "thank you for calling how can i help");
        poisoned(
                "p-dotted-i",
                "agent",
                0,
                6,
                "İ".repeat(40) + " this call may be recorded for quality and training");
        poisoned("p-long-word", "customer", 0, 5, "x".repeat(40 * 1024));

        URI node = openSearch.httpUri();
        IndexContents.delete(node, IndexNames.CALLS, IndexNames.ALERTS_ALL, IndexNames.ERRORS_ALL);
        Invocation run =
                Invocation.run("run", "--input", input.toString(), "--opensearch", node.toString());
        assertThat(run.exit()).as(run.err()).isZero();

        Map<String, JsonNode> calls = IndexContents.documents(node, IndexNames.CALLS);
        Map<String, String> rejected = new TreeMap<>();
        for (JsonNode e : IndexContents.documents(node, IndexNames.ERRORS_ALL).values()) {
            String source = e.path("source").asText();
            rejected.put(source.substring(source.lastIndexOf('/') + 1), e.path("reason").asText());
        }
        assertThat(calls).containsKeys(GOOD.toArray(String[]::new));
        for (String id : POISONED) {
            String what =
                    calls.containsKey(id)
                            ? "indexed"
                            : rejected.containsKey(id + ".json")
                                    ? "rejected: " + rejected.get(id + ".json")
                                    : "neither indexed nor rejected";
            System.out.println(id + ": " + what);
            assertThat(what).as(id).isNotEqualTo("neither indexed nor rejected");
        }
        assertThat(rejected.values())
                .allSatisfy(reason -> assertThat(reason).isNotBlank().doesNotContain("\tat "));
        // Each poisoned value is bounded or refused by the reader with the limit it broke.
        assertThat(rejected.get("p-late-end.json"))
                .contains("utterances[1].end: 3.00000e+09 s is beyond the 86400 s (24.0 h)");
        assertThat(rejected.get("p-long-word.json"))
                .contains("utterances[1].text: 40960 characters; at most 5000 per utterance");
        assertThat(calls).containsKey("p-dotted-i");

        // The console opens every indexed call: how long each page took is printed, not asserted
        // (the machines are shared); a page that hung or failed would fail the test.
        Path usersFile = input.resolve("users.txt");
        Map<String, String> passwords = ConsoleCommand.writeDemoUsers(usersFile);
        try (ConsoleServer console =
                ConsoleServer.builder()
                        .opensearch(OpenSearchConnection.open(node))
                        .users(Users.read(usersFile))
                        .port(0)
                        .start()) {
            HttpClient http =
                    HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
            String auth =
                    Base64.getEncoder()
                            .encodeToString(
                                    ("supervisor:" + passwords.get("supervisor"))
                                            .getBytes(StandardCharsets.UTF_8));
            for (String id : calls.keySet()) {
                long t0 = System.nanoTime();
                HttpResponse<String> page =
                        http.send(
                                HttpRequest.newBuilder(console.url().resolve("/calls/" + id))
                                        .header("Authorization", "Basic " + auth)
                                        .timeout(java.time.Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                System.out.printf(
                        java.util.Locale.ROOT,
                        "console /calls/%s: %d in %d ms%n",
                        id,
                        page.statusCode(),
                        (System.nanoTime() - t0) / 1_000_000);
                assertThat(page.statusCode()).as("console page of " + id).isEqualTo(200);
            }
        }
    }

    private void poisoned(String id, String speaker, double start, double end, String text)
            throws Exception {
        ObjectNode t = JSON.createObjectNode().put("call_id", id).put("language", "en");
        ArrayNode us = t.putArray("utterances");
        us.addObject().put("speaker", "agent").put("start", 0).put("end", 0.5).put("text", "hello");
        us.addObject()
                .put("speaker", speaker)
                .put("start", start)
                .put("end", end)
                .put("text", text);
        Files.write(input.resolve(id + ".json"), JSON.writeValueAsBytes(t));
    }
}
