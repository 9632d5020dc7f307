package io.callqa.pipeline.sink.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.JsonpSerializable;
import org.opensearch.client.json.jackson.JacksonJsonpGenerator;

/**
 * A document source that is already JSON, handed to opensearch-java's bulk API as it is.
 *
 * <p>opensearch-java serializes bulk documents through its {@code JsonpMapper}, which would turn a
 * {@code byte[]} or {@code String} into a JSON string value. This wrapper instead streams the
 * tokens of the given bytes into the request body: the JSON is neither bound to Java objects nor
 * copied into an intermediate string, and pretty-printed input comes out on one line, as the
 * newline-delimited bulk format requires.
 */
final class RawJsonDocument implements JsonpSerializable {

    private static final JsonFactory JSON = new JsonFactory();

    private final byte[] json;

    RawJsonDocument(byte[] json) {
        this.json = json;
    }

    @Override
    public void serialize(JsonGenerator generator, JsonpMapper mapper) {
        if (!(generator instanceof JacksonJsonpGenerator)) {
            throw new IllegalStateException(
                    "OpenSearch sink: raw JSON documents need opensearch-java's Jackson mapper,"
                            + " got a generator of type "
                            + generator.getClass().getName());
        }
        com.fasterxml.jackson.core.JsonGenerator jackson =
                ((JacksonJsonpGenerator) generator).jacksonGenerator();
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            jackson.copyCurrentStructure(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch sink: could not copy a document source", e);
        }
    }

    /**
     * Checks that {@code json} is exactly one well-formed JSON object, which is what a bulk index
     * action accepts.
     *
     * @return {@code null} if it is, otherwise a short reason fit for a dead-letter document
     */
    static String validate(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return first == null
                        ? "document source is empty"
                        : "document source is not a JSON object (starts with " + first + ")";
            }
            parser.skipChildren();
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                return "document source has content after its JSON object (" + trailing + ")";
            }
            return null;
        } catch (IOException e) {
            return "document source is not valid JSON: " + firstLine(e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown parse error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
