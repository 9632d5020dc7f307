package io.callqa.console;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request as the pages see it: parameters, the signed-in user, the language. */
final class Request {

    private final HttpExchange exchange;
    private final Users.User user;
    private final Map<String, String> params;
    private final Map<String, String> form = new LinkedHashMap<>();
    private final Messages messages;
    private final String csrfToken;

    Request(HttpExchange exchange, Users.User user, String csrfToken) throws IOException {
        this.exchange = exchange;
        this.user = user;
        this.csrfToken = csrfToken;
        this.params = parse(exchange.getRequestURI().getRawQuery());
        if ("POST".equals(exchange.getRequestMethod())) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                // Forms are small; a cap keeps a hostile body from filling the heap.
                byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);
                form.putAll(parse(new String(body, StandardCharsets.UTF_8)));
                params.putAll(form);
            }
        }
        this.messages =
                Messages.of(
                        Messages.pick(
                                params.get("lang"),
                                cookie("callqa_lang"),
                                exchange.getRequestHeaders().getFirst("Accept-Language")));
    }

    HttpExchange exchange() {
        return exchange;
    }

    Users.User user() {
        return user;
    }

    Messages messages() {
        return messages;
    }

    String csrfToken() {
        return csrfToken;
    }

    /** The request path, e.g. {@code /calls/s-en-refund-01}. */
    String path() {
        return exchange.getRequestURI().getPath();
    }

    /** The parameter {@code name}, stripped; null when absent or blank. */
    String param(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * The parameter {@code name} from a posted form's body only (never the query string, which ends
     * up in logs, history and Referer headers); null when absent.
     */
    String formParam(String name) {
        return form.get(name);
    }

    Map<String, String> params() {
        return params;
    }

    /** The current path and query with {@code name} set to {@code value} (null removes it). */
    String withParam(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (value == null) {
            p.remove(name);
        } else {
            p.put(name, value);
        }
        return path() + query(p);
    }

    /** {@code ?a=1&b=2} of the non-blank entries, URL-encoded; empty if none. */
    static String query(Map<String, String> p) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            b.append(b.length() == 0 ? '?' : '&')
                    .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private String cookie(String name) {
        for (String header :
                exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String[] kv = part.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return kv[1];
                }
            }
        }
        return null;
    }

    /** True if the request came from a page of this console (checked before any change). */
    boolean sameOrigin() {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || origin.equals("null")) {
            return origin == null;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        try {
            URI o = URI.create(origin);
            String authority = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> p = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return p;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            try {
                String k = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String v = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                p.putIfAbsent(k, v);
            } catch (IllegalArgumentException malformed) {
                // A malformed escape is dropped like an unknown parameter.
            }
        }
        return p;
    }
}
