package io.callqa.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The bundled sample calls and their sidecars, for tests. */
final class SampleCalls {
    static final Path DIR = Path.of("../samples");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCalls() {}

    /** Every sample's sidecar, sorted by name. */
    static List<Path> sidecars() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static JsonNode read(Path sidecar) throws IOException {
        return JSON.readTree(sidecar.toFile());
    }

    static Path wav(Path sidecar, JsonNode json) {
        return sidecar.resolveSibling(json.path("audio").path("file").asText());
    }

    /** The sidecar's utterances as analysis input, word counts from the text. */
    static List<TimedUtterance> utterances(JsonNode json) {
        List<TimedUtterance> out = new ArrayList<>();
        for (JsonNode u : json.path("utterances")) {
            String text = u.path("text").asText().trim();
            out.add(
                    new TimedUtterance(
                            u.path("speaker").asText(),
                            u.path("start").asDouble(),
                            u.path("end").asDouble(),
                            text.isEmpty() ? 0 : text.split("\\s+").length));
        }
        return out;
    }
}
