package io.callqa.rules.abuse;

import io.callqa.rules.classify.TextFeatures;
import io.callqa.rules.transcript.Languages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Finds abuse of the agent in a customer's utterance, in English and Korean, written or as a
 * recognizer gave it.
 *
 * <p><b>Lexicons first.</b> A classifier alone fired on short civil utterances, so a finding needs
 * a lexicon term: threat and sexual-harassment patterns count on their own, insults and profanity
 * only when aimed at a person (English: "you" a few words before, with no "I"/"me" or "this"/"the
 * app" between, so self-blame and product blame do not count; Korean: 너, 당신, 상담원 and the like, or
 * the vocative ending 아/야). Quoting someone else ("called me an idiot", 바보라고 했어요) does not count. A
 * few terms are curses that count alone (lexicon kind ending in {@code !}).
 *
 * <p><b>Masked forms.</b> A {@code *} in a written word stands for letters (f***, f*ck); digits and
 * symbols typed for letters are read back (sh1t, @ss); in Korean an X or * after Hangul is a mask
 * (씨X) and spacing is ignored. Recognizer text has none of these and matches as plain words.
 *
 * <p><b>Classifier.</b> A logistic regression over {@link TextFeatures} (Tribuo linear SGD, fixed
 * seed), trained when first needed on the corpus resource, confirms insults and profanity and gives
 * every finding its confidence. It is small and trains in well under a second, so no model file is
 * kept.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AbuseDetector {

    /** Seed of the classifier's training; the same corpus and seed give the same model. */
    public static final long SEED = 20261202L;

    /** Below this probability the classifier vetoes an insult or profanity match. */
    static final double CONFIRM = 0.1;

    private static final String RESOURCES = "/io/callqa/rules/abuse/";
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}*@$]+");
    private static final Pattern APOSTROPHE = Pattern.compile("['’`]");
    private static final Set<String> YOU = Set.of("you", "youre", "ya", "u", "yourself", "ur");

    /** Words between "you" and the term that aim the term at someone or something else. */
    private static final Set<String> ELSEWHERE =
            Set.of(
                    "i", "im", "me", "my", "myself", "ive", "id", "ill", "this", "that", "these",
                    "those", "your", "its", "it", "app", "website", "thing", "system");

    private static final List<String> QUOTING =
            List.of(
                    "called me",
                    "call me",
                    "calls me",
                    "told me",
                    "said i",
                    "said im",
                    "said that");
    private static final Set<String> KO_YOU_WORDS =
            Set.of("너", "니", "니가", "네가", "너가", "넌", "너는", "너도", "너를", "널", "야", "너같은");
    private static final List<String> KO_YOU_PREFIXES =
            List.of("당신", "상담원", "너희", "니들", "너네", "니네", "상담사");
    private static final Set<String> KO_NOT_VOCATIVE = Set.of("쓰레기", "한심", "개같은");
    private static final int AIM_WINDOW = 4;

    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private static volatile AbuseDetector defaults;

    private final List<Term> english;
    private final List<Term> korean;
    private final Map<String, Float> weights;
    private final float bias;

    private record Term(AbuseKind kind, boolean alone, String written, List<String> words) {}

    private AbuseDetector(
            List<Term> english, List<Term> korean, Map<String, Float> weights, float bias) {
        this.english = english;
        this.korean = korean;
        this.weights = weights;
        this.bias = bias;
    }

    /** The bundled lexicons and the classifier trained on the bundled corpus, built once. */
    public static AbuseDetector defaults() {
        AbuseDetector d = defaults;
        if (d == null) {
            synchronized (AbuseDetector.class) {
                d = defaults;
                if (d == null) {
                    d =
                            build(
                                    lexicon(lines("lexicon-en.txt"), "lexicon-en.txt", false),
                                    lexicon(lines("lexicon-ko.txt"), "lexicon-ko.txt", true),
                                    corpus(lines("corpus.tsv")),
                                    SEED);
                    defaults = d;
                }
            }
        }
        return d;
    }

    /** One labelled customer utterance of the training corpus. */
    record Example(boolean abusive, String lang, String text) {}

    private static AbuseDetector build(
            List<Term> en, List<Term> ko, List<Example> examples, long seed) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data =
                new MutableDataset<>(
                        new SimpleDataSourceProvenance(
                                "callqa abuse corpus",
                                OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                                labels),
                        labels);
        for (Example e : examples) {
            String[] names = features(e.text(), e.lang()).toArray(String[]::new);
            if (names.length > 0) {
                double[] values = new double[names.length];
                Arrays.fill(values, 1.0 / Math.sqrt(names.length));
                data.add(
                        new ArrayExample<>(
                                new Label(e.abusive() ? "abuse" : "civil"), names, values));
            }
        }
        LinearSGDTrainer trainer =
                new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(1.0, 0.1), 20, -1, 1, seed);
        Model<Label> model = trainer.train(data);
        DenseMatrix w = ((AbstractLinearSGDModel<Label>) model).getWeightsCopy();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int yes = outputs.getID(new Label("abuse"));
        int no = outputs.getID(new Label("civil"));
        ImmutableFeatureMap features = model.getFeatureIDMap();
        Map<String, Float> weights = new HashMap<>();
        for (int id = 0; id < features.size(); id++) {
            weights.put(features.get(id).getName(), (float) (w.get(yes, id) - w.get(no, id)));
        }
        int biasColumn = features.size();
        return new AbuseDetector(
                en, ko, weights, (float) (w.get(yes, biasColumn) - w.get(no, biasColumn)));
    }

    /**
     * The abuse in one customer utterance, if any.
     *
     * @param utterance the utterance's index in the call
     * @param t its start, seconds
     * @param text its text (redacted)
     * @param language {@code en}, {@code ko}, or {@code auto} / {@code null} to detect it
     */
    public Optional<AbuseFinding> find(int utterance, double t, String text, String language) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lang =
                language == null || language.equals("auto")
                        ? Languages.detect(List.of(text))
                        : language;
        boolean ko = lang.equals("ko");
        String normal = normalize(text);
        Map<AbuseKind, Set<String>> found = new EnumMap<>(AbuseKind.class);
        matchEnglish(normal, found);
        if (ko || hasHangul(normal)) {
            matchKorean(normal, found);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        double p = probability(text, lang);
        if (!found.containsKey(AbuseKind.THREAT)
                && !found.containsKey(AbuseKind.SEXUAL)
                && p < CONFIRM) {
            return Optional.empty();
        }
        AbuseKind kind = gravest(found.keySet());
        List<String> terms = new ArrayList<>();
        found.values().forEach(terms::addAll);
        return Optional.of(new AbuseFinding(utterance, t, kind, terms, p, text));
    }

    /** The classifier's probability that the text is abusive. */
    double probability(String text, String lang) {
        double z = 0;
        int known = 0;
        for (String f : features(text, lang)) {
            Float w = weights.get(f);
            if (w != null) {
                z += w;
                known++;
            }
        }
        double scale = known == 0 ? 0 : 1.0 / Math.sqrt(known);
        return 1.0 / (1.0 + Math.exp(-(bias + z * scale)));
    }

    private static AbuseKind gravest(Set<AbuseKind> kinds) {
        for (AbuseKind k :
                List.of(
                        AbuseKind.THREAT,
                        AbuseKind.SEXUAL,
                        AbuseKind.INSULT,
                        AbuseKind.PROFANITY)) {
            if (kinds.contains(k)) {
                return k;
            }
        }
        throw new IllegalStateException("no kind");
    }

    private void matchEnglish(String normal, Map<AbuseKind, Set<String>> found) {
        List<String> words = englishWords(normal);
        String joined = " " + String.join(" ", words) + " ";
        boolean quoting = QUOTING.stream().anyMatch(q -> joined.contains(" " + q + " "));
        for (Term term : english) {
            int n = term.words().size();
            for (int i = 0; i + n <= words.size(); i++) {
                if (matches(words, i, term.words())) {
                    boolean pattern =
                            term.kind() == AbuseKind.THREAT || term.kind() == AbuseKind.SEXUAL;
                    if (pattern || term.alone() || (!quoting && aimed(words, i, n))) {
                        found.computeIfAbsent(term.kind(), k -> new LinkedHashSet<>())
                                .add(term.written());
                        break;
                    }
                }
            }
        }
    }

    private static boolean matches(List<String> words, int at, List<String> term) {
        for (int k = 0; k < term.size(); k++) {
            String w = words.get(at + k);
            String t = term.get(k);
            if (!w.equals(t) && !(w.indexOf('*') > 0 && masked(w, t))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a masked word (f***, f*ck) can be the term: same first letter, stars for letters. */
    private static boolean masked(String word, String term) {
        if (word.charAt(0) != term.charAt(0)) {
            return false;
        }
        String regex =
                Arrays.stream(word.split("\\*+", -1))
                        .map(Pattern::quote)
                        .reduce((a, b) -> a + "\\p{L}+" + b)
                        .orElse("");
        return term.matches(regex);
    }

    /**
     * Whether "you" stands shortly before the words at {@code at}, with nothing turning the aim.
     */
    private static boolean aimed(List<String> words, int at, int length) {
        // "fuck you", "screw you": the person named right after the term.
        if (YOU.contains(words.get(at))
                || (at + length < words.size() && YOU.contains(words.get(at + length)))) {
            return true;
        }
        for (int j = at - 1; j >= Math.max(0, at - AIM_WINDOW); j--) {
            String w = words.get(j);
            if (YOU.contains(w)) {
                return true;
            }
            if (ELSEWHERE.contains(w)) {
                return false;
            }
        }
        return false;
    }

    private void matchKorean(String normal, Map<AbuseKind, Set<String>> found) {
        String[] spaced = normal.trim().split("\\s+");
        String joined = masks(String.join("", spaced));
        boolean aimed =
                Arrays.stream(spaced)
                        .anyMatch(
                                w ->
                                        KO_YOU_WORDS.contains(w)
                                                || KO_YOU_PREFIXES.stream()
                                                        .anyMatch(w::startsWith));
        for (Term term : korean) {
            String t = term.written();
            int at = joined.indexOf(t);
            if (at < 0) {
                continue;
            }
            int end = at + t.length();
            boolean pattern = term.kind() == AbuseKind.THREAT || term.kind() == AbuseKind.SEXUAL;
            boolean quoted = joined.startsWith("라고", end) || joined.startsWith("이라고", end);
            boolean vocative =
                    !KO_NOT_VOCATIVE.contains(t)
                            && (joined.startsWith("아", end) || joined.startsWith("야", end));
            if (pattern || (!quoted && (term.alone() || aimed || vocative))) {
                found.computeIfAbsent(term.kind(), k -> new LinkedHashSet<>()).add(t);
            }
        }
    }

    /** An X or * right after a Hangul syllable is a mask; both are written x in the lexicon. */
    private static String masks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean afterHangul = i > 0 && Languages.isHangul(s.charAt(i - 1));
            b.append(afterHangul && (c == 'x' || c == '*') ? 'x' : c);
        }
        return b.toString();
    }

    private static boolean hasHangul(String s) {
        return s.chars().anyMatch(c -> Languages.isHangul((char) c));
    }

    private static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return APOSTROPHE.matcher(s).replaceAll("");
    }

    /** Words with typed-for-letter digits and symbols read back, keeping * as a mask. */
    private static List<String> englishWords(String normal) {
        List<String> words = new ArrayList<>();
        for (String w : SPLIT.split(normal)) {
            if (w.isEmpty() || w.chars().allMatch(c -> c == '*')) {
                continue;
            }
            boolean letters = w.chars().anyMatch(Character::isLetter);
            if (letters) {
                w =
                        w.replace('1', 'i')
                                .replace('0', 'o')
                                .replace('3', 'e')
                                .replace('4', 'a')
                                .replace('5', 's')
                                .replace('@', 'a')
                                .replace('$', 's');
            }
            words.add(w);
        }
        return words;
    }

    private static Set<String> features(String text, String lang) {
        return TextFeatures.of(text, lang);
    }

    private static List<String> lines(String name) {
        try (InputStream in = AbuseDetector.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses lexicon lines {@code kind<TAB>term}; {@code #} starts a comment.
     *
     * @throws IllegalArgumentException naming the source and line of a malformed entry
     */
    static List<Term> lexicon(List<String> lines, String source, boolean korean) {
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(
                        source
                                + " line "
                                + (i + 1)
                                + ": expected kind<TAB>term, got \""
                                + line
                                + "\"");
            }
            boolean alone = parts[0].endsWith("!");
            AbuseKind kind;
            try {
                kind =
                        AbuseKind.of(
                                alone ? parts[0].substring(0, parts[0].length() - 1) : parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        source + " line " + (i + 1) + ": " + e.getMessage());
            }
            String written = normalize(parts[1].strip());
            List<String> words = korean ? List.of(written.replace(" ", "")) : englishWords(written);
            terms.add(new Term(kind, alone, korean ? words.get(0) : written, words));
        }
        return List.copyOf(terms);
    }

    /**
     * Parses corpus lines {@code abuse|civil<TAB>en|ko<TAB>text}.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry
     */
    static List<Example> corpus(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t");
            if (p.length != 3
                    || !(p[0].equals("abuse") || p[0].equals("civil"))
                    || !(p[1].equals("en") || p[1].equals("ko"))) {
                throw new IllegalArgumentException(
                        "abuse corpus line "
                                + (i + 1)
                                + ": expected abuse|civil<TAB>en|ko<TAB>text, got \""
                                + line
                                + "\"");
            }
            examples.add(new Example(p[0].equals("abuse"), p[1], p[2]));
        }
        return examples;
    }
}
