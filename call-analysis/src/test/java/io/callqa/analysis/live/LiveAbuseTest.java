package io.callqa.analysis.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callqa.analysis.document.AlertFields;
import io.callqa.analysis.document.CallDocuments;
import io.callqa.rules.pack.RulePackLoader;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live call raises one abuse alert, with the post-call id, on the customer's first abusive
 * utterance, in English and Korean, written or recognizer text; civil anger raises none; a session
 * restored from its snapshot does not raise it again.
 */
class LiveAbuseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LivePack en;
    private static LivePack ko;

    @BeforeAll
    static void packs() throws Exception {
        en = new LivePack(new RulePackLoader().loadDefault("en"));
        ko = new LivePack(new RulePackLoader().loadDefault("ko"));
    }

    /** The abuse alerts each utterance settles, one list per utterance, snapshotting between. */
    private static List<List<SettledAlert>> feed(
            String lang, boolean restoreEach, String... customerTexts) {
        LivePack pack = lang.equals("ko") ? ko : en;
        LiveCallSession s = new LiveCallSession(pack, "c7", lang, Map.of());
        List<List<SettledAlert>> out = new ArrayList<>();
        double t = 0;
        for (String text : customerTexts) {
            s.heard(
                    new Utterance(Speaker.AGENT, t, t + 2, lang.equals("ko") ? "네 고객님" : "okay"),
                    null);
            List<SettledAlert> settled =
                    s.heard(new Utterance(Speaker.CUSTOMER, t + 2.5, t + 5, text), null).alerts();
            out.add(settled.stream().filter(a -> a.alert().type().equals("abuse")).toList());
            if (restoreEach) {
                s = LiveCallSession.restore(pack, s.snapshot());
            }
            t += 6;
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|false|My bill doubled!|You stupid moron, fix it.|F*** you.|insult",
                "en|true|my bill doubled|you stupid moron fix it|fuck you|insult",
                "ko|false|요금이 두 배 나왔어요.|씨X 당신 뭐하는 거야?|야 이 병신아|profanity",
                "ko|true|요금이 두 배 나왔어요|씨x 당신 뭐 하는거야|야 이 병신아|profanity",
            })
    void theFirstAbusiveUtteranceRaisesOneAlert(
            String lang,
            boolean restoreEach,
            String calm,
            String abusive,
            String again,
            String kind)
            throws Exception {
        List<List<SettledAlert>> out = feed(lang, restoreEach, calm, abusive, again);
        assertThat(out.get(0)).isEmpty();
        assertThat(out.get(1)).hasSize(1);
        assertThat(out.get(2)).isEmpty();
        SettledAlert a = out.get(1).get(0);
        assertThat(a.alert().id()).isEqualTo("c7:abuse");
        assertThat(a.alert().utterance()).isEqualTo(3);
        assertThat(a.speaker()).isEqualTo(Speaker.CUSTOMER);
        String notice = lang.equals("ko") ? "상담을 종료할 수 있습니다" : "end this call";
        assertThat(a.alert().message()).contains(notice);

        // The document carries what the agent's view shows: the kind, the terms and the notice.
        JsonNode doc =
                JSON.readTree(
                        CallDocuments.alert(
                                        "c7",
                                        lang,
                                        Optional.empty(),
                                        Map.of(),
                                        a.alert(),
                                        a.speaker(),
                                        a.text(),
                                        null)
                                .json());
        assertThat(doc.at(AlertFields.ABUSE_KIND.pointer()).asText()).isEqualTo(kind);
        assertThat(doc.at(AlertFields.ABUSE_EVIDENCE.pointer())).isNotEmpty();
        assertThat(doc.at(AlertFields.ABUSE_CONFIDENCE.pointer()).asDouble()).isBetween(0.0, 1.0);
        assertThat(doc.at(AlertFields.ABUSE_NOTICE.pointer()).asText()).contains(notice);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en|This is ridiculous, I want a refund now!|I'm furious.|The last agent called me"
                        + " an idiot.",
                "en|this is ridiculous i want a refund now|im furious|this stupid app keeps"
                        + " crashing",
                "ko|이거 너무 화나네요. 당장 환불해 주세요.|정말 어이가 없네요.|지난번 상담원이 저보고 바보라고 했어요.",
                "ko|이거 너무 화나네요 당장 환불해주세요|정말 어이가없네요|이 앱 진짜 쓰레기네요",
            })
    void civilAngerRaisesNone(String lang, String first, String second, String third) {
        assertThat(feed(lang, false, first, second, third))
                .allSatisfy(x -> assertThat(x).isEmpty());
    }
}
