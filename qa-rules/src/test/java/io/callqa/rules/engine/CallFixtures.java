package io.callqa.rules.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small calls and packs written inline for engine tests. */
final class CallFixtures {

    private CallFixtures() {}

    /** A call from alternating "a:"/"c:" lines with "start-end" times, e.g. "a 0-2 Hello". */
    static CallTranscript call(String language, String... lines) {
        List<Utterance> us = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            String[] t = parts[1].split("-");
            us.add(
                    new Utterance(
                            parts[0].equals("a") ? Speaker.AGENT : Speaker.CUSTOMER,
                            Double.parseDouble(t[0]),
                            Double.parseDouble(t[1]),
                            parts[2]));
        }
        return new CallTranscript(
                "c-test",
                language,
                Optional.empty(),
                Map.of(),
                Map.of(),
                us,
                JsonNodeFactory.instance.objectNode());
    }

    /** The same call with call metadata (e.g. {@code brand}). */
    static CallTranscript withMetadata(CallTranscript c, Map<String, String> metadata) {
        return new CallTranscript(
                c.callId(),
                c.language(),
                c.startedAt(),
                metadata,
                c.channels(),
                c.utterances(),
                c.extra());
    }

    static RulePack pack(String rulesYaml) throws Exception {
        return new RulePackLoader()
                .load(
                        "test.yaml",
                        "id: t\nversion: 1\nagitation:\n  phrases: [ridiculous]\nrules:\n"
                                + rulesYaml);
    }
}
