package io.callqa.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callqa.rules.eval.EvalCorpus.LabelledCall;
import io.callqa.rules.eval.RecognizerStyle.Level;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import io.callqa.rules.transcript.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecognizerStyleTest {

    private static final Pattern NOT_RECOGNIZER_TEXT = Pattern.compile("[\\p{Lu}\\d.,?!;:%$£]");

    private static RecognizerStyle style;
    private static List<LabelledCall> corpus;

    @BeforeAll
    static void load() {
        style = RecognizerStyle.withCommonWords();
        corpus = EvalCorpus.all();
    }

    private static CallTranscript call(String lang, String... texts) {
        List<Utterance> us = new ArrayList<>();
        double t = 0.5;
        for (int i = 0; i < texts.length; i++) {
            double d = texts[i].split("\\s+").length / 2.5;
            us.add(
                    new Utterance(
                            i % 2 == 0 ? Speaker.AGENT : Speaker.CUSTOMER, t, t + d, texts[i]));
            t += d + 0.5;
        }
        return new CallTranscript(
                "unit-" + lang,
                lang,
                Optional.empty(),
                Map.of("brand", "Northwind"),
                Map.of(),
                us,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
    }

    private static String text(CallTranscript c) {
        return String.join(" | ", c.utterances().stream().map(Utterance::text).toList());
    }

    private static List<String> words(CallTranscript c) {
        List<String> out = new ArrayList<>();
        for (Utterance u : c.utterances()) {
            out.addAll(Arrays.asList(u.text().split(" ")));
        }
        return out;
    }

    @Test
    void englishNumbersBecomeWords() {
        CallTranscript c =
                call(
                        "en",
                        "Your bill is $42.50, it was 29 dollars. Born 14th of March 1986.",
                        "My number is 07700 900431 and the total is 1,240 pounds, 100% sure.");
        String t = text(style.apply(c, Level.RECOGNIZER)).replace(" | ", " ");
        assertThat(t)
                .contains("forty two dollars fifty")
                .contains("twenty nine dollars")
                .contains("fourteenth of march nineteen eighty six")
                .contains("zero seven seven zero zero nine zero zero four three one")
                .contains("one thousand two hundred forty pounds")
                .contains("one hundred percent");
        assertThat(NOT_RECOGNIZER_TEXT.matcher(t).find()).as(t).isFalse();
    }

    @Test
    void koreanNumbersBecomeSinoKoreanWordsOrDigitsAsRead() {
        CallTranscript c =
                call("ko", "요금이 29만 원이에요. 1988년 5월 3일생이고요.", "번호는 010 4821 7730이요. 주문번호 2 0 2 6요.");
        String t = text(style.apply(c, Level.RECOGNIZER)).replace(" | ", " ");
        assertThat(t)
                .contains("이십구만 원이에요")
                .contains("천구백팔십팔년 오월 삼일생이고요")
                .contains("공일공 사팔이일 칠칠삼공이요")
                .contains("이 공 이 육요");
        assertThat(NOT_RECOGNIZER_TEXT.matcher(t).find()).as(t).isFalse();
    }

    @Test
    void theSameCallAlwaysGetsTheSameVariant() {
        for (LabelledCall c : corpus.subList(0, 6)) {
            for (Level level : Level.values()) {
                CallTranscript a = style.apply(c.call(), level);
                CallTranscript b = RecognizerStyle.withCommonWords().apply(c.call(), level);
                assertThat(a.utterances()).as("%s %s", c.id(), level).isEqualTo(b.utterances());
            }
        }
    }

    @Test
    void recognizerLevelIsLowercaseUnpunctuatedRecutAndTimed() {
        int before = 0;
        int after = 0;
        for (LabelledCall c : corpus) {
            CallTranscript r = style.apply(c.call(), Level.RECOGNIZER);
            before += c.call().utterances().size();
            after += r.utterances().size();
            double last = -1;
            for (Utterance u : r.utterances()) {
                assertThat(NOT_RECOGNIZER_TEXT.matcher(u.text()).find())
                        .as("%s: %s", c.id(), u.text())
                        .isFalse();
                assertThat(u.words()).isNotEmpty();
                assertThat(String.join(" ", u.words().stream().map(Word::w).toList()))
                        .isEqualTo(u.text());
                assertThat(u.start()).isGreaterThanOrEqualTo(last);
                assertThat(u.confidence()).isBetween(0.0, 1.0);
                for (Word w : u.words()) {
                    assertThat(w.start()).isBetween(u.start(), u.end());
                    assertThat(w.end()).isBetween(u.start(), u.end());
                }
                last = u.start();
            }
            assertThat(r.extra()).as("ground truth kept").isEqualTo(c.call().extra());
            assertThat(r.metadata()).isEqualTo(c.call().metadata());
        }
        // Long turns are cut, a few short ones merged: many more utterances overall.
        assertThat(after).isGreaterThan(before + before / 5);
    }

    @Test
    void someShortTurnsOfOneSpeakerAreMergedIntoOneUtterance() {
        int merged = 0;
        for (LabelledCall c : corpus) {
            for (Utterance r : style.apply(c.call(), Level.RECOGNIZER).utterances()) {
                long spanned =
                        c.call().utterances().stream()
                                .filter(u -> u.end() > r.start() && u.start() < r.end())
                                .count();
                merged += spanned >= 2 ? 1 : 0;
            }
        }
        assertThat(merged).isPositive();
    }

    @Test
    void measuredWordErrorRateIsTheTargetWithinTwoPoints() {
        for (String lang : List.of("en", "ko")) {
            for (Level level : List.of(Level.WER10, Level.WER25)) {
                long edits = 0;
                long ref = 0;
                for (LabelledCall c : corpus) {
                    if (!c.language().equals(lang)) {
                        continue;
                    }
                    List<String> r = words(style.apply(c.call(), Level.RECOGNIZER));
                    List<String> h = words(style.apply(c.call(), level));
                    edits += editDistance(r, h);
                    ref += r.size();
                }
                double wer = (double) edits / ref;
                System.out.printf(
                        "%s %s: measured word error rate %.3f over %d words%n",
                        lang, level.id, wer, ref);
                assertThat(wer)
                        .as("%s %s", lang, level.id)
                        .isCloseTo(level.errorRate, within(0.02));
            }
        }
    }

    @Test
    void erroredWordsCarryLowerConfidence() {
        double clean = 0;
        double errored = 0;
        int n = 0;
        for (LabelledCall c : corpus) {
            clean += mean(style.apply(c.call(), Level.RECOGNIZER));
            errored += mean(style.apply(c.call(), Level.WER25));
            n++;
        }
        assertThat(errored / n).isLessThan(clean / n - 0.05);
    }

    @Test
    void englishErrorsUseSimilarSoundingWordsAndFillers() {
        PhoneticConfusions p = new PhoneticConfusions(Set.of("right", "write", "night", "table"));
        assertThat(p.similar("rite", Set.of("right", "write", "night", "table"), new Random(1)))
                .isIn("right", "write");
        Set<String> seen = new java.util.HashSet<>();
        for (LabelledCall c : corpus) {
            if (c.language().equals("en")) {
                seen.addAll(words(style.apply(c.call(), Level.WER25)));
            }
        }
        assertThat(seen).contains("uh", "um");
    }

    @Test
    void koreanErrorsChangeOneJamoDropSyllablesAndMisplaceSpaces() {
        Random rnd = new Random(7);
        for (int i = 0; i < 50; i++) {
            String changed = KoreanConfusions.changeSyllable("녹음", rnd);
            assertThat(changed).hasSize(2).isNotEqualTo("녹음");
            int differing = 0;
            for (int k = 0; k < 2; k++) {
                if (changed.charAt(k) != "녹음".charAt(k)) {
                    differing++;
                    assertThat(KoreanConfusions.isSyllable(changed.charAt(k))).isTrue();
                    assertThat(jamoDifferences(changed.charAt(k), "녹음".charAt(k))).isEqualTo(1);
                }
            }
            assertThat(differing).isEqualTo(1);
        }
        int fillers = 0;
        int spacing = 0;
        for (LabelledCall c : corpus) {
            if (!c.language().equals("ko")) {
                continue;
            }
            List<String> r = words(style.apply(c.call(), Level.RECOGNIZER));
            List<String> h = words(style.apply(c.call(), Level.WER25));
            fillers +=
                    (int) h.stream().filter(KoreanConfusions.fillers()::contains).count()
                            - (int) r.stream().filter(KoreanConfusions.fillers()::contains).count();
            String joinedR = String.join("", r);
            spacing += h.size() != r.size() || !joinedR.equals(String.join("", h)) ? 1 : 0;
        }
        assertThat(fillers).isPositive();
        assertThat(spacing).isPositive();
    }

    private static int jamoDifferences(char a, char b) {
        int x = a - 0xAC00;
        int y = b - 0xAC00;
        int d = 0;
        d += x / 588 != y / 588 ? 1 : 0;
        d += x % 588 / 28 != y % 588 / 28 ? 1 : 0;
        d += x % 28 != y % 28 ? 1 : 0;
        return d;
    }

    private static double mean(CallTranscript c) {
        return c.utterances().stream()
                .flatMap(u -> u.words().stream())
                .mapToDouble(Word::conf)
                .average()
                .orElseThrow();
    }

    private static int editDistance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int sub = prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
