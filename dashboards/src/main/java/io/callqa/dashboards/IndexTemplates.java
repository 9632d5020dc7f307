package io.callqa.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;

/**
 * The composable index templates of callqa's indices ({@code callqa-calls}, {@code callqa-alerts},
 * {@code callqa-errors}, {@code callqa-reviews}). They fix the mappings that dynamic mapping would
 * get wrong: dates as dates, ids as keywords, utterances and rule results as nested documents, and
 * free text searchable in English and Korean (a {@code .cjk} sub-field indexes Hangul as bigrams,
 * so 환불 finds 환불해).
 *
 * <p>The templates are JSON resources beside this class, so what is installed is exactly what a
 * reader of the repository sees. Installing is idempotent: a template is put again with the same
 * body, and existing indices keep their mappings.
 */
public final class IndexTemplates {

    /** The templates, by name; each covers the indices whose names start with it. */
    public static final List<String> NAMES =
            List.of("callqa-calls", "callqa-alerts", "callqa-errors", "callqa-reviews");

    private IndexTemplates() {}

    /** The JSON body of template {@code name}, one of {@link #NAMES}. */
    public static String json(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(
                    "no index template named '" + name + "'; known: " + NAMES);
        }
        try (InputStream in =
                IndexTemplates.class.getResourceAsStream("templates/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "index template resource templates/"
                                + name
                                + ".json is missing from the"
                                + " callqa-dashboards jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts every template into the cluster behind {@code transport}.
     *
     * @throws IndexTemplateException if the cluster refuses one, naming it and the reason
     * @throws IOException if the cluster cannot be reached
     */
    public static void install(OpenSearchTransport transport) throws IOException {
        OpenSearchGenericClient client = new OpenSearchGenericClient(transport);
        for (String name : NAMES) {
            try (Response r =
                    client.execute(
                            Requests.builder()
                                    .method("PUT")
                                    .endpoint("/_index_template/" + name)
                                    .json(json(name))
                                    .build())) {
                if (r.getStatus() / 100 != 2) {
                    String body =
                            r.getBody().map(IndexTemplates::read).orElse("(no response body)");
                    throw new IndexTemplateException(name, r.getStatus(), body);
                }
            }
        }
    }

    private static String read(Body body) {
        try (body) {
            return new String(body.bodyAsBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(response body unreadable: " + e.getMessage() + ")";
        }
    }

    /** The cluster refused a template. */
    public static final class IndexTemplateException extends IOException {
        private static final long serialVersionUID = 1L;

        IndexTemplateException(String name, int status, String body) {
            super(
                    "OpenSearch refused index template "
                            + name
                            + " (HTTP "
                            + status
                            + "): "
                            + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
    }
}
