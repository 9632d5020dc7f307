package io.callqa.cli;

import static io.callqa.cli.Invocation.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @Test
    void printsTheFullResultWithRedactedText() throws Exception {
        Invocation r = run("analyze", "--transcript", "../samples/s-en-billing-01.json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .contains(
                        "call_id",
                        "language",
                        "duration_s",
                        "qa",
                        "summary",
                        "keywords",
                        "pii_found",
                        "utterances",
                        "alerts",
                        "category");
        assertThat(doc.at("/category/label").asText()).isEqualTo("billing");
        assertThat(doc.at("/category/scores")).hasSize(4);
        assertThat(doc.get("call_id").asText()).isEqualTo("s-en-billing-01");
        assertThat(doc.at("/qa/rulepack/id").asText()).isEqualTo("default-en");
        assertThat(doc.at("/qa/compliance_passed").asBoolean()).isFalse();
        JsonNode results = doc.at("/qa/results");
        assertThat(results).hasSize(9);
        assertThat(results.get(4).get("rule_id").asText()).isEqualTo("pii-spoken");
        assertThat(results.get(4).get("passed").asBoolean()).isFalse();
        assertThat(results.get(5).get("passed").isNull()).isTrue();
        assertThat(doc.at("/utterances/5/text").asText())
                .isEqualTo("I can just give you the card. It's [CARD].");
        assertThat(doc.at("/pii_found/1/type").asText()).isEqualTo("card");
        assertThat(r.out()).doesNotContain("four one one one", "4111");
    }

    @Test
    void koreanCallsUseTheKoreanPack() throws Exception {
        Invocation r = run("analyze", "--transcript", "../samples/s-ko-refund-01.json");
        assertThat(r.exit()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/qa/rulepack/id").asText()).isEqualTo("default-ko");
        assertThat(doc.get("summary").asText()).startsWith("문의: ");
    }

    @Test
    void aCustomPackIsUsed(@TempDir Path tmp) throws Exception {
        Path pack =
                Files.writeString(
                        tmp.resolve("mine.yaml"),
                        """
                        id: mine
                        version: 3.1
                        rules:
                          - id: polite
                            type: phrase-present
                            kind: quality
                            severity: low
                            description: says please
                            speaker: customer
                            phrases: [please]
                        """);
        Invocation r =
                run(
                        "analyze",
                        "--transcript",
                        "../samples/s-en-other-03.json",
                        "--rules",
                        pack.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/qa/rulepack/version").asText()).isEqualTo("3.1");
        assertThat(doc.at("/qa/results/0/passed").asBoolean()).isTrue();
        assertThat(doc.at("/qa/score").asDouble()).isEqualTo(100.0);
    }

    @Test
    void aBrokenPackIsBadInputNamingFileLineAndField(@TempDir Path tmp) throws Exception {
        Path pack =
                Files.writeString(
                        tmp.resolve("bad.yaml"),
                        "id: bad\n"
                                + "version: 1\n"
                                + "rules:\n"
                                + "  - id: x\n"
                                + "    type: threshold\n"
                                + "    kind: quality\n"
                                + "    severity: low\n"
                                + "    description: d\n"
                                + "    metric: dead-air\n"
                                + "    max: 30 secs\n");
        Invocation r =
                run(
                        "analyze",
                        "--transcript",
                        "../samples/s-en-refund-01.json",
                        "--rules",
                        pack.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo(
                        "callqa: "
                                + pack
                                + ":10: rules[0].max: expected a duration like 30s, 1.5s, 500ms or"
                                + " 2m, got '30 secs' (rule 'x')\n");
    }

    @Test
    void aBadTranscriptIsBadInputNamingTheFile(@TempDir Path tmp) throws Exception {
        Path call = Files.writeString(tmp.resolve("c.json"), "{\"call_id\": \"c\"}");
        Invocation r = run("analyze", "--transcript", call.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .isEqualTo("callqa: " + call + ": utterances: required field is missing\n");
        Invocation missing = run("analyze", "--transcript", tmp.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("nope.json: file does not exist");
    }

    @Test
    void theTranscriptIsRequired() {
        Invocation r = run("analyze");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--transcript=CALL.json'");
    }
}
