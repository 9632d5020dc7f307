package io.callqa.console;

/**
 * HTML output. Everything that comes from the index or the request (transcripts, names, ids) is
 * untrusted and goes through {@link #esc}; only the console's own markup is written raw.
 */
final class Html {

    private Html() {}

    /** {@code s} as HTML text or attribute value: {@code & < > " '} escaped; null is empty. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A complete page: header with the navigation the user's role allows, the language switch, and
     * {@code body} (already HTML).
     */
    static String page(Request req, String title, String active, String body) {
        Messages m = req.messages();
        Role role = req.user().role();
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!DOCTYPE html><html lang=\"")
                .append(m.lang())
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(esc(title))
                .append(" · callqa</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/console.css\">")
                .append("</head><body data-csrf=\"")
                .append(esc(req.csrfToken()))
                .append("\" data-lang=\"")
                .append(m.lang())
                .append("\"><header><span class=\"brand\">callqa</span><nav>");
        if (role.readsCalls()) {
            nav(b, "/calls", m.get("nav.calls"), active.equals("calls"));
            nav(b, "/aggregates", m.get("nav.aggregates"), active.equals("aggregates"));
        }
        if (role.watchesFloor()) {
            nav(b, "/alerts", m.get("nav.alerts"), active.equals("alerts"));
        }
        if (role.followsLiveCalls()) {
            nav(b, "/live", m.get("nav.live"), active.equals("live"));
        }
        if (role.watchesFloor()) {
            nav(b, "/abuse", m.get("nav.abuse"), active.equals("abuse"));
        }
        b.append("</nav><span class=\"who\">")
                .append(esc(req.user().name()))
                .append(" (")
                .append(esc(m.get("role." + role.id())))
                .append(")</span><span class=\"langs\">");
        for (String l : Messages.LANGUAGES) {
            b.append("<a href=\"")
                    .append(esc(req.withParam("lang", l)))
                    .append("\"")
                    .append(l.equals(m.lang()) ? " class=\"on\"" : "")
                    .append(" id=\"lang-")
                    .append(l)
                    .append("\">")
                    .append(l.equals("ko") ? "한국어" : "English")
                    .append("</a>");
        }
        b.append("</span></header><main>").append(body).append("</main></body></html>");
        return b.toString();
    }

    private static void nav(StringBuilder b, String href, String label, boolean on) {
        b.append("<a href=\"")
                .append(href)
                .append("\"")
                .append(on ? " class=\"on\"" : "")
                .append(">")
                .append(esc(label))
                .append("</a>");
    }
}
