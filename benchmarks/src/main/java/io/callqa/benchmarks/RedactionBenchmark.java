package io.callqa.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.callqa.rules.pii.PiiRedactor;
import io.callqa.rules.pii.RedactedTranscript;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PII redaction of a whole transcript on one thread ({@code qa-rules} {@link
 * PiiRedactor#redact(CallTranscript)}), at 0.25, 0.5 and 1 MB of UTF-8 text: the time per MB should
 * stay flat (linear growth). The transcript is generated, recognizer-style, in English and Korean:
 * cards, CVVs, phone numbers and account numbers read as digit words and split across utterances
 * and speakers, with fillers and acknowledgements, among prices, durations and plain talk.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RedactionBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Threads(1)
public class RedactionBenchmark {

    /** Size of the transcript's text, in KB. */
    @Param({"256", "512", "1024"})
    public int kilobytes;

    private CallTranscript call;
    private final PiiRedactor redactor = new PiiRedactor();

    /** Generates the transcript. */
    @Setup
    public void setUp() {
        call = transcript(kilobytes * 1024L, new Random(14));
    }

    /** One whole redaction. */
    @Benchmark
    public RedactedTranscript redact() {
        return redactor.redact(call);
    }

    private static final String[] EN =
            "zero one two three four five six seven eight nine".split(" ");
    private static final String[] KO = "공 일 이 삼 사 오 육 칠 팔 구".split(" ");

    /** A generated transcript of at least {@code bytes} bytes of UTF-8 utterance text. */
    static CallTranscript transcript(long bytes, Random r) {
        List<Utterance> us = new ArrayList<>();
        long size = 0;
        double t = 0;
        while (size < bytes) {
            for (String[] turn : scene(r)) {
                Speaker s = turn[0].equals("A") ? Speaker.AGENT : Speaker.CUSTOMER;
                double d = 0.4 + turn[1].length() / 15.0;
                us.add(new Utterance(s, t, t + d, turn[1]));
                t += d + 0.3;
                size += turn[1].getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return new CallTranscript(
                "bench-redaction",
                "en",
                Optional.empty(),
                Map.of(),
                Map.of(Speaker.AGENT, "agent", Speaker.CUSTOMER, "customer"),
                us,
                JsonNodeFactory.instance.objectNode());
    }

    private static String digits(Random r, int n, String[] words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(words[r.nextInt(10)]);
        }
        return sb.toString();
    }

    private static String[][] scene(Random r) {
        return switch (r.nextInt(6)) {
            case 0 ->
                    new String[][] {
                        {"A", "can i have the card number please"},
                        {"C", "um " + digits(r, 8, EN)},
                        {"A", "okay go on"},
                        {"C", digits(r, 8, EN)},
                        {"A", "and the security code"},
                        {"C", digits(r, 3, EN)}
                    };
            case 1 ->
                    new String[][] {
                        {"A", "카드번호 불러 주세요"},
                        {"C", digits(r, 8, KO)},
                        {"A", "네"},
                        {"C", "어 " + digits(r, 8, KO) + "이요"}
                    };
            case 2 ->
                    new String[][] {
                        {"C", "i was charged one hundred and twenty nine dollars twice"},
                        {"A", "i'm sorry about that the refund takes three to five business days"}
                    };
            case 3 ->
                    new String[][] {
                        {"A", "what's the best number to reach you"},
                        {"C", "it's " + digits(r, 10, EN)},
                        {"A", "and your order number"},
                        {"C", digits(r, 7, EN)}
                    };
            case 4 ->
                    new String[][] {
                        {"A", "환불받으실 계좌번호 말씀해 주세요"},
                        {"C", digits(r, 3, KO) + " 다시 " + digits(r, 6, KO)},
                        {"A", "사만 구천 원 환불해 드리겠습니다 삼 일에서 오 일 걸립니다"}
                    };
            default ->
                    new String[][] {
                        {
                            "C",
                            "hi my name is jordan i'm calling about a package that never arrived"
                        },
                        {
                            "A",
                            "let me look into that for you it says it was delivered on the second"
                        }
                    };
        };
    }
}
