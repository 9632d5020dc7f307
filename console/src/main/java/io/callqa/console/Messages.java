package io.callqa.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The console's UI text in one language. English and Korean live in {@code messages_en.properties}
 * and {@code messages_ko.properties} beside this class (UTF-8); a key missing from Korean falls
 * back to English, and a key missing from both shows as itself so a gap is visible, not fatal.
 */
public final class Messages {

    /** The languages the console speaks, the default first. */
    public static final List<String> LANGUAGES = List.of("en", "ko");

    private static final Messages EN = new Messages("en", load("en"), null);
    private static final Messages KO = new Messages("ko", load("ko"), EN);

    private final String lang;
    private final Properties text;
    private final Messages fallback;

    private Messages(String lang, Properties text, Messages fallback) {
        this.lang = lang;
        this.text = text;
        this.fallback = fallback;
    }

    /** The messages of {@code lang} ({@code en} or {@code ko}); anything else gives English. */
    public static Messages of(String lang) {
        return "ko".equals(lang) ? KO : EN;
    }

    /**
     * The language to answer in: {@code ?lang=} if it names one, else the cookie, else the first
     * language of the {@code Accept-Language} header that the console speaks, else English.
     */
    public static String pick(String param, String cookie, String acceptLanguage) {
        if (speaks(param)) {
            return param;
        }
        if (speaks(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                    String primary = r.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (speaks(primary) && r.getWeight() > 0) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return "en";
            }
        }
        return "en";
    }

    /** True if {@code lang} is one of {@link #LANGUAGES}. */
    public static boolean speaks(String lang) {
        return lang != null && LANGUAGES.contains(lang);
    }

    /** This language's code. */
    public String lang() {
        return lang;
    }

    /** The text for {@code key}. */
    public String get(String key) {
        String v = text.getProperty(key);
        if (v != null) {
            return v;
        }
        return fallback != null ? fallback.get(key) : key;
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}... replaced by {@code args}. */
    public String format(String key, Object... args) {
        String s = get(key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** The keys of this language's own file (not the fallback's). */
    public Set<String> keys() {
        return text.stringPropertyNames();
    }

    private static Properties load(String lang) {
        Properties p = new Properties();
        try (InputStream in =
                Messages.class.getResourceAsStream("messages_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "messages_" + lang + ".properties is missing from the console jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
