package io.callqa.rules.acts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled model on utterances written for this test (none is in the corpus, which {@link
 * #testSentencesAreNotInTheCorpus} checks), written and recognizer-style, English and Korean.
 */
class DialogueActClassifierTest {

    private static final DialogueActClassifier MODEL = DialogueActClassifier.defaults();

    /** Each row: the act, a written utterance, the same as a recognizer would give it. */
    private static final String[][] ENGLISH = {
        {
            "greeting",
            "Good morning, thanks for phoning Larkspur Water, how can I help?",
            "good morning thanks for phoning larkspur water how can i help"
        },
        {
            "recording-disclosure",
            "Heads up, we record these calls for quality.",
            "heads up we record these calls for quality"
        },
        {
            "verification-request",
            "Can you tell me your date of birth and the postcode on file?",
            "uh can you tell me your date of birth and the post code on file"
        },
        {
            "verification-confirmed",
            "Brilliant, you've passed the security check.",
            "brilliant you've past the security check"
        },
        {
            "empathy",
            "Oh dear, I'm sorry you've had such a rough time with this.",
            "oh dear i'm sorry you've had such a rough time with this"
        },
        {
            "hold-request",
            "Hang tight for a moment while I look at the ledger.",
            "hang tight for a moment while i look at the ledger"
        },
        {
            "thanks-for-holding",
            "Thanks ever so much for holding on.",
            "thanks ever so much for holding on"
        },
        {
            "offer-help",
            "Can I help you with anything else this afternoon?",
            "can i help you with anything else this afternoon"
        },
        {
            "farewell",
            "Lovely, have a wonderful afternoon, goodbye.",
            "lovely have a wonderful afternoon good bye"
        },
        {
            "escalation-request",
            "I've had enough, put your manager on the phone.",
            "i've had enough put your manager on the phone"
        },
        {
            "transfer",
            "I'll pass you to our insurance claims team now.",
            "i'll pass you to our insurance claims team now"
        },
        {
            "promise",
            "I'll personally ring you back on Tuesday with an update, you have my word.",
            "i'll personally ring you back on tuesday with an update you have my word"
        },
        {
            "sensitive-data-request",
            "Could you read out the long number on your credit card?",
            "could you read out the long number on your credit card"
        },
        {
            "other",
            "The bill went up because the discount ended in March.",
            "the bill went up because the discount ended in march"
        },
    };

    /** Korean: written, then with recognizer spacing and numbers as words. */
    private static final String[][] KOREAN = {
        {"greeting", "안녕하세요, 초록빛 가스 고객센터입니다.", "안녕하세요초록빛가스 고객센터 입니다"},
        {"recording-disclosure", "통화 내용은 품질 관리를 위해 녹음되고 있습니다.", "통화내용은 품질관리를위해 녹음 되고있습니다"},
        {"verification-request", "본인 확인을 위해 생년월일 6자리 말씀해 주세요.", "본인확인을위해 생년월일 육 자리말씀해주세요"},
        {"empathy", "불편을 끼쳐 드려서 대단히 죄송합니다.", "불편을끼쳐드려서 대단히죄송합니다"},
        {"hold-request", "확인하는 동안 잠시만 기다려 주시겠습니까?", "확인하는동안 잠시만기다려주시겠습니까"},
        {"offer-help", "더 도와드릴 부분 있으실까요?", "더도와드릴 부분있으실까요"},
        {"farewell", "오늘도 좋은 하루 보내십시오.", "오늘도좋은하루 보내십시오"},
        {"escalation-request", "책임자분 좀 바꿔 주시겠어요?", "책임자분좀 바꿔주시겠어요"},
        {"sensitive-data-request", "카드 번호 16자리 불러 주세요.", "카드번호 열여섯자리 불러주세요"},
        {"other", "요금이 지난달보다 많이 나왔어요.", "요금이지난달보다 많이나왔어요"},
    };

    @Test
    void englishActsAreRecognisedWrittenAndAsRecognised() {
        for (String[] row : ENGLISH) {
            DialogueAct act = DialogueAct.fromId(row[0]);
            for (String text : List.of(row[1], row[2])) {
                ActScores s = MODEL.classify(text, "en");
                assertThat(s.top()).as(text + " " + s).isEqualTo(act);
                assertThat(s.score(act)).as(text).isGreaterThanOrEqualTo(0.6);
            }
        }
    }

    @Test
    void koreanActsAreRecognisedWrittenAndWithRecognizerSpacing() {
        for (String[] row : KOREAN) {
            DialogueAct act = DialogueAct.fromId(row[0]);
            for (String text : List.of(row[1], row[2])) {
                ActScores s = MODEL.classify(text, "ko");
                assertThat(s.top()).as(text + " " + s).isEqualTo(act);
                assertThat(s.score(act)).as(text).isGreaterThanOrEqualTo(0.6);
                assertThat(MODEL.classify(text, "auto")).isEqualTo(s);
            }
        }
    }

    @Test
    void testSentencesAreNotInTheCorpus() {
        Set<String> corpus =
                ActCorpus.shipped().examples().stream()
                        .map(e -> normalised(e.text()))
                        .collect(Collectors.toSet());
        for (String[][] table : List.of(ENGLISH, KOREAN)) {
            for (String[] row : table) {
                assertThat(corpus).doesNotContain(normalised(row[1]), normalised(row[2]));
            }
        }
    }

    private static String normalised(String text) {
        return String.join(" ", DialogueActClassifier.words(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "thank you for calling northwind this is dana this call is recorded"
                        + " | greeting,self-introduction,recording-disclosure",
                "Sorry about the mix-up. Let me transfer you to the refunds desk."
                        + " | empathy,transfer",
                "thanks for waiting i have checked and you are verified"
                        + " | thanks-for-holding,verification-confirmed",
                "감사합니다 바른전기 상담원 이수진입니다 통화 내용은 녹음됩니다"
                        + " | greeting,self-introduction,recording-disclosure",
                "더 궁금하신 점은 없으시죠 그럼 좋은 저녁 보내세요 | offer-help,farewell",
            })
    void oneUtteranceCanCarrySeveralActs(String text, String acts) {
        ActScores s = MODEL.classify(text, "auto");
        for (String id : acts.split(",")) {
            assertThat(s.score(DialogueAct.fromId(id)))
                    .as(id + " in " + text + " " + s)
                    .isGreaterThanOrEqualTo(0.5);
        }
        assertThat(s.score(DialogueAct.OTHER)).as(s.toString()).isLessThan(0.5);
    }

    @Test
    void anActAtTheEndOfALongUtteranceIsFound() {
        String text =
                "so the engineer visit is booked for thursday morning and the new router ships"
                        + " tomorrow by courier um is there anything else i can help you with";
        assertThat(MODEL.classify(text, "en").score(DialogueAct.OFFER_HELP))
                .isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void scoresAreProbabilitiesForEveryAct() {
        ActScores s = MODEL.classify("one moment please while i pull up the account", "en");
        assertThat(s.asMap()).containsOnlyKeys(DialogueAct.values());
        assertThat(s.asMap().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        assertThat(s.acts(0.5)).first().isEqualTo(s.top());
        List<DialogueAct> all = s.acts(0.0);
        assertThat(all).hasSize(DialogueAct.values().length);
        for (int i = 1; i < all.size(); i++) {
            assertThat(s.score(all.get(i - 1))).isGreaterThanOrEqualTo(s.score(all.get(i)));
        }
    }

    @Test
    void textWithNothingTheModelKnowsIsOther() {
        assertThat(MODEL.classify("", "en").top()).isEqualTo(DialogueAct.OTHER);
        assertThat(MODEL.classify("... ?!", "auto").top()).isEqualTo(DialogueAct.OTHER);
    }

    @Test
    void fillersDoNotChangeTheScores() {
        assertThat(MODEL.classify("uh is there um anything else", "en"))
                .isEqualTo(MODEL.classify("is there anything else", "en"));
        assertThat(MODEL.classify("어 잠시만 음 기다려 주세요", "ko"))
                .isEqualTo(MODEL.classify("잠시만 기다려 주세요", "ko"));
    }

    @Test
    void anUnknownLanguageIsRejected() {
        assertThatThrownBy(() -> MODEL.classify("hola", "es"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en, ko or auto")
                .hasMessageContaining("es");
    }

    @Test
    void actIdsRoundTripAndUnknownIdsAreNamed() {
        for (DialogueAct a : DialogueAct.values()) {
            assertThat(DialogueAct.fromId(a.id())).isEqualTo(a);
        }
        assertThat(DialogueAct.OFFER_HELP.id()).isEqualTo("offer-help");
        assertThatThrownBy(() -> DialogueAct.fromId("goodbye"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"goodbye\"")
                .hasMessageContaining("farewell");
    }

    @Test
    void concurrentCallersGetTheSameScoresAsOne() throws Exception {
        List<String> texts =
                ActCorpus.shipped().heldOut().stream().limit(400).map(ActExample::text).toList();
        List<ActScores> expected = texts.stream().map(t -> MODEL.classify(t, "auto")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ActScores>>> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                runs.add(
                        pool.submit(
                                () -> texts.stream().map(t -> MODEL.classify(t, "auto")).toList()));
            }
            for (Future<List<ActScores>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWrittenModelReadsBackWithTheSameScores() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MODEL.write(out);
        DialogueActClassifier copy =
                DialogueActClassifier.read(new ByteArrayInputStream(out.toByteArray()));
        for (ActExample e : ActCorpus.shipped().heldOut()) {
            assertThat(copy.classify(e.text(), e.lang()))
                    .isEqualTo(MODEL.classify(e.text(), e.lang()));
        }
    }

    @Test
    void aFileThatIsNotAModelIsRejected() throws IOException {
        byte[] junk = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DialogueActClassifier.read(new ByteArrayInputStream(junk)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a callqa dialogue-act model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MODEL.write(out);
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);
        assertThatThrownBy(() -> DialogueActClassifier.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");
    }

    /**
     * The bundled model must be what the bundled corpus and seed produce, so that anyone can
     * rebuild it (README, "Dialogue acts"). Weights are stored as floats, hence the tolerance.
     */
    @Test
    void retrainingFromTheBundledCorpusReproducesTheBundledModel() {
        ActCorpus corpus = ActCorpus.shipped();
        DialogueActClassifier retrained =
                DialogueActClassifier.train(corpus.training(), DialogueActClassifier.DEFAULT_SEED);
        assertThat(retrained.featureCount()).isEqualTo(MODEL.featureCount());
        for (ActExample e : corpus.examples()) {
            ActScores a = retrained.classify(e.text(), e.lang());
            ActScores b = MODEL.classify(e.text(), e.lang());
            for (DialogueAct act : DialogueAct.values()) {
                assertThat(a.score(act)).as(e.text()).isCloseTo(b.score(act), within(1e-5));
            }
        }
    }

    /** Per-act figures on the held-out seeds, per language and style; the README quotes them. */
    @Test
    void heldOutFiguresPerLanguageAndStyle() {
        ActCorpus corpus = ActCorpus.shipped();
        for (String lang : List.of("en", "ko")) {
            for (String style : List.of("clean", "asr")) {
                List<ActExample> part =
                        corpus.heldOut().stream()
                                .filter(e -> e.lang().equals(lang) && e.style().equals(style))
                                .toList();
                ActEvaluation ev = ActEvaluation.of(MODEL, part, 0.5);
                ActEvaluation noWindows =
                        ActEvaluation.of(part, e -> MODEL.classify(e.text(), e.lang(), false), 0.5);
                System.out.printf(
                        Locale.ROOT,
                        "held-out %s %s (macro-F1 without windows %.3f):%n%s",
                        lang,
                        style,
                        noWindows.macroF1(),
                        ev.table());
                assertThat(part).hasSizeGreaterThan(300);
                assertThat(ev.macroF1()).as(lang + " " + style).isGreaterThanOrEqualTo(0.8);
            }
        }
    }
}
