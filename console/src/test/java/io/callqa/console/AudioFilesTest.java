package io.callqa.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesTest {

    @Test
    void rangesThatCannotBeSatisfiedAre416() {
        long size = 1000;
        for (String bad :
                List.of(
                        "bytes=99999999999999999999-",
                        "bytes=1000-",
                        "bytes=500-100",
                        "bytes=0-1,5-9",
                        "bytes=-0",
                        "bytes=-",
                        "bytes=abc-")) {
            assertThat(AudioFiles.span(bad, size).status()).as(bad).isEqualTo(416);
        }
    }

    @Test
    void satisfiableRangesAre206AndClampedToTheFile() {
        assertThat(AudioFiles.span("bytes=0-", 1000)).isEqualTo(new AudioFiles.Span(206, 0, 999));
        assertThat(AudioFiles.span("bytes=10-19", 1000))
                .isEqualTo(new AudioFiles.Span(206, 10, 19));
        assertThat(AudioFiles.span("bytes=10-99999999999999999999", 1000))
                .isEqualTo(new AudioFiles.Span(206, 10, 999));
        assertThat(AudioFiles.span("bytes=-100", 1000))
                .isEqualTo(new AudioFiles.Span(206, 900, 999));
        assertThat(AudioFiles.span("bytes=-99999999999999999999", 1000))
                .isEqualTo(new AudioFiles.Span(206, 0, 999));
        assertThat(AudioFiles.span(null, 1000)).isEqualTo(new AudioFiles.Span(200, 0, 999));
        assertThat(AudioFiles.span("items=0-1", 1000)).isEqualTo(new AudioFiles.Span(200, 0, 999));
    }

    @Test
    void theServerAnswers416WithTheLengthAndNeverCachesAudio(@TempDir Path tmp) throws Exception {
        Path wav = tmp.resolve("call.wav");
        Files.write(wav, new byte[1234]);
        AudioFiles audio = new AudioFiles(List.of(tmp.toRealPath()));
        ObjectNode call = new ObjectMapper().createObjectNode();
        call.putObject("source").put("uri", wav.toUri().toString());
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext(
                "/",
                ex -> {
                    try (ex) {
                        audio.serve(ex, call);
                    }
                });
        http.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
            HttpResponse<String> r =
                    client.send(
                            HttpRequest.newBuilder(uri)
                                    .header("Range", "bytes=99999999999999999999-")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(416);
            assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */1234");
            HttpResponse<byte[]> part =
                    client.send(
                            HttpRequest.newBuilder(uri).header("Range", "bytes=1000-").build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).hasSize(234);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1233/1234");
            assertThat(part.headers().firstValue("Cache-Control")).hasValue("no-store");
        } finally {
            http.stop(0);
        }
    }
}
