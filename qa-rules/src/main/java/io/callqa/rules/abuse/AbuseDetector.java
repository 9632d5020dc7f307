package io.callqa.rules.abuse;

import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Languages;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds abuse from the customer in a call: insults, profanity, threats of harm and sexual
 * harassment, in English and Korean, on written and recognizer text. The agent's words are never
 * looked at, and angry but civil complaints ("this is ridiculous, I want my money back", 정말 화가 나네요
 * 환불해 주세요) are not abuse.
 *
 * <p><b>How.</b> Each customer utterance is matched against the lexicon of both languages ({@link
 * AbuseLexicon}) and scored by the classifier ({@link AbuseClassifier}) in the call's language. It
 * is abuse when
 *
 * <ul>
 *   <li>a <em>strong</em> term occurs (f***, 씨발, "i will kill you"): its kind, confidence 0.9 and
 *       up with the classifier's support; or
 *   <li>the classifier gives abuse at least {@link #DEFAULT_CLASSIFIER_THRESHOLD}: its most likely
 *       kind; or
 *   <li>a <em>weak</em> term occurs (stupid, 미친, gun) and the classifier gives abuse at least
 *       {@link #DEFAULT_WEAK_TERM_THRESHOLD}: the kind of the term the classifier finds most
 *       likely.
 * </ul>
 *
 * The thresholds were chosen on the dev half of the evaluation calls (README, "Abuse detection").
 * Work per utterance is one lexicon scan and one classification, whatever came before in the call,
 * so {@link #inspect} suits live calls; text beyond {@value #MAX_CHARS} characters is not looked
 * at.
 *
 * <p>The detector also holds the notice the agent may read to an abusive caller, per language,
 * bundled ({@code notice-en.txt}, {@code notice-ko.txt}) or set with {@link #withNotice}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AbuseDetector {

    /** Abuse probability at which the classifier alone makes a finding. */
    public static final double DEFAULT_CLASSIFIER_THRESHOLD = 0.9;

    /** Abuse probability at which a weak term makes a finding. */
    public static final double DEFAULT_WEAK_TERM_THRESHOLD = 0.3;

    /** Characters of an utterance looked at; a transcript's utterances are far shorter. */
    public static final int MAX_CHARS = 10_000;

    private static final int EVIDENCE_WORDS = 3;
    private static final List<AbuseKind> BY_SERIOUSNESS =
            List.of(
                    AbuseKind.PROFANITY,
                    AbuseKind.INSULT,
                    AbuseKind.SEXUAL_HARASSMENT,
                    AbuseKind.THREAT);
    private static final Comparator<AbuseKind> SERIOUSNESS =
            Comparator.comparingInt(BY_SERIOUSNESS::indexOf);
    private static final List<String> LANGUAGES = List.of("en", "ko");
    private static volatile AbuseDetector defaults;

    private final AbuseClassifier classifier;
    private final Map<String, AbuseLexicon> lexicons;
    private final Map<String, String> notices;
    private final double classifierThreshold;
    private final double weakTermThreshold;

    /**
     * A detector from its parts.
     *
     * @param classifier the classifier, usually {@link AbuseClassifier#defaults()}
     * @param lexicons the lexicon of each language, {@code en} and {@code ko}
     * @param notices the notice of each language, {@code en} and {@code ko}
     * @param classifierThreshold abuse probability at which the classifier alone makes a finding
     * @param weakTermThreshold abuse probability at which a weak term makes a finding
     */
    public AbuseDetector(
            AbuseClassifier classifier,
            Map<String, AbuseLexicon> lexicons,
            Map<String, String> notices,
            double classifierThreshold,
            double weakTermThreshold) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        for (String lang : LANGUAGES) {
            if (lexicons.get(lang) == null || !lexicons.get(lang).language().equals(lang)) {
                throw new IllegalArgumentException(
                        "an abuse detector needs a " + lang + " lexicon");
            }
            if (notices.get(lang) == null || notices.get(lang).isBlank()) {
                throw new IllegalArgumentException(
                        "an abuse detector needs a non-empty " + lang + " notice");
            }
        }
        checkThreshold("classifierThreshold", classifierThreshold);
        checkThreshold("weakTermThreshold", weakTermThreshold);
        this.lexicons = Map.copyOf(lexicons);
        this.notices = Map.copyOf(notices);
        this.classifierThreshold = classifierThreshold;
        this.weakTermThreshold = weakTermThreshold;
    }

    /** The bundled classifier, lexicons and notices with the default thresholds, loaded once. */
    public static AbuseDetector defaults() {
        AbuseDetector d = defaults;
        if (d == null) {
            synchronized (AbuseDetector.class) {
                d = defaults;
                if (d == null) {
                    Map<String, AbuseLexicon> lexicons = new HashMap<>();
                    Map<String, String> notices = new HashMap<>();
                    for (String lang : LANGUAGES) {
                        lexicons.put(lang, AbuseLexicon.defaults(lang));
                        notices.put(lang, bundledNotice(lang));
                    }
                    d =
                            new AbuseDetector(
                                    AbuseClassifier.defaults(),
                                    lexicons,
                                    notices,
                                    DEFAULT_CLASSIFIER_THRESHOLD,
                                    DEFAULT_WEAK_TERM_THRESHOLD);
                    defaults = d;
                }
            }
        }
        return d;
    }

    /** This detector with another notice for {@code language}. */
    public AbuseDetector withNotice(String language, String notice) {
        String lang = checkLanguage(language);
        if (notice == null || notice.isBlank()) {
            throw new IllegalArgumentException("the " + lang + " abuse notice is empty");
        }
        Map<String, String> n = new HashMap<>(notices);
        n.put(lang, notice.strip());
        return new AbuseDetector(classifier, lexicons, n, classifierThreshold, weakTermThreshold);
    }

    /** This detector with other thresholds (each 0..1). */
    public AbuseDetector withThresholds(double classifierAlone, double withWeakTerm) {
        return new AbuseDetector(classifier, lexicons, notices, classifierAlone, withWeakTerm);
    }

    /** The notice the agent may read to an abusive caller, in {@code en} or {@code ko}. */
    public String notice(String language) {
        return notices.get(checkLanguage(language));
    }

    /** Abuse in every customer utterance of the call, in utterance order. */
    public List<AbuseFinding> detect(CallTranscript call) {
        String lang = "ko".equals(call.language()) ? "ko" : "en";
        List<AbuseFinding> out = new ArrayList<>();
        List<Utterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            int index = i;
            inspect(us.get(i), lang).ifPresent(f -> out.add(f.at(index)));
        }
        return out;
    }

    /**
     * Abuse in one utterance, for live calls: empty for the agent's words and for anything that is
     * not abuse. The finding's {@code utterance} is {@code -1}; {@link #detect} numbers them.
     *
     * @param language {@code en}, {@code ko}, or {@code auto} / {@code null} to detect it from the
     *     text
     * @throws IllegalArgumentException for any other language
     */
    public Optional<AbuseFinding> inspect(Utterance u, String language) {
        Objects.requireNonNull(u, "utterance");
        if (u.speaker() != Speaker.CUSTOMER) {
            return Optional.empty();
        }
        return inspect(u.text(), language, u.start());
    }

    /** {@link #inspect(Utterance, String)} on a customer's text said at {@code t} seconds. */
    public Optional<AbuseFinding> inspect(String text, String language, double t) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String lang =
                language == null || language.equals("auto")
                        ? Languages.detect(List.of(s))
                        : checkLanguage(language);
        List<AbuseLexicon.Hit> hits = new ArrayList<>();
        for (String l : LANGUAGES) {
            hits.addAll(lexicons.get(l).find(s));
        }
        AbuseClassifier.Scores scores = classifier.score(s, lang);
        List<AbuseLexicon.Hit> strong = hits.stream().filter(AbuseLexicon.Hit::strong).toList();
        if (!strong.isEmpty()) {
            AbuseKind kind = mostSerious(strong);
            double confidence = 0.9 + 0.1 * Math.max(scores.abuse(), 0);
            return Optional.of(finding(t, kind, confidence, displays(hits, kind), scores, lang));
        }
        if (scores.abuse() >= classifierThreshold) {
            AbuseKind kind = scores.top();
            return Optional.of(
                    finding(t, kind, scores.abuse(), displays(hits, kind), scores, lang));
        }
        if (!hits.isEmpty() && scores.abuse() >= weakTermThreshold) {
            AbuseKind kind = likeliest(hits, scores);
            return Optional.of(
                    finding(t, kind, scores.abuse(), displays(hits, kind), scores, lang));
        }
        return Optional.empty();
    }

    private AbuseFinding finding(
            double t,
            AbuseKind kind,
            double confidence,
            List<String> termEvidence,
            AbuseClassifier.Scores scores,
            String lang) {
        Set<String> evidence = new LinkedHashSet<>(termEvidence);
        if (evidence.isEmpty()) {
            for (String w : classifier.strongestWords(scores.words(), lang, kind, EVIDENCE_WORDS)) {
                evidence.add(maskIfOffensive(w, lang));
            }
        }
        return new AbuseFinding(-1, t, kind, Math.min(1, confidence), List.copyOf(evidence));
    }

    /**
     * Of the kinds strong terms stand for, the most serious: a threat before sexual harassment
     * before an insult before profanity ("you f***ing moron" is an insult).
     */
    private static AbuseKind mostSerious(List<AbuseLexicon.Hit> hits) {
        return hits.stream().map(AbuseLexicon.Hit::kind).max(SERIOUSNESS).orElseThrow();
    }

    /** Of the kinds the terms stand for, the one the classifier finds most likely. */
    private static AbuseKind likeliest(List<AbuseLexicon.Hit> hits, AbuseClassifier.Scores s) {
        return hits.stream()
                .map(AbuseLexicon.Hit::kind)
                .max(Comparator.comparingDouble(s::of))
                .orElseThrow();
    }

    /** The terms of the finding's kind first (strong before weak), then the others. */
    private static List<String> displays(List<AbuseLexicon.Hit> hits, AbuseKind kind) {
        List<String> out = new ArrayList<>();
        hits.stream()
                .sorted(
                        Comparator.comparing((AbuseLexicon.Hit h) -> h.kind() != kind)
                                .thenComparing(h -> !h.strong()))
                .forEach(h -> out.add(h.display()));
        return out.stream().distinct().toList();
    }

    private String maskIfOffensive(String word, String lang) {
        for (AbuseLexicon.Hit h : lexicons.get(lang).find(word)) {
            if (h.kind() != AbuseKind.THREAT) {
                return word.charAt(0) + "*".repeat(word.length() - 1);
            }
        }
        return word;
    }

    private static String bundledNotice(String lang) {
        String resource = "/io/callqa/rules/abuse/notice-" + lang + ".txt";
        try (InputStream in = AbuseDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static void checkThreshold(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in 0..1, got " + v);
        }
    }

    private static String checkLanguage(String language) {
        if ("en".equals(language) || "ko".equals(language)) {
            return language;
        }
        throw new IllegalArgumentException(
                "language must be en, ko or auto, got \"" + language + "\"");
    }
}
