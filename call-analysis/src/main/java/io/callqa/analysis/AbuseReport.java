package io.callqa.analysis;

import io.callqa.rules.abuse.AbuseDetector;
import io.callqa.rules.abuse.AbuseFinding;
import io.callqa.rules.abuse.AbuseKind;
import io.callqa.rules.engine.Alert;
import io.callqa.rules.pack.RulePack;
import io.callqa.rules.pack.Severity;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.Speaker;
import io.callqa.rules.transcript.Utterance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The customer's abuse of the agent in one call: the abusive utterances, and the notice the agent
 * may read to the caller.
 *
 * @param findings the abusive customer utterances, in call order
 * @param notice the warning the agent may read, from the pack's {@value #NOTICE} variable or the
 *     language's default
 */
public record AbuseReport(List<AbuseFinding> findings, String notice) {

    /** Pack variable holding the warning the agent may read; a call's metadata cannot set it. */
    public static final String NOTICE = "abuse.notice";

    /** Default warning in English. */
    public static final String NOTICE_EN =
            "If the abusive language continues, I will have to end this call.";

    /**
     * Default warning in Korean, after the notice recommended for protecting customer-facing
     * workers (고객응대근로자 보호).
     */
    public static final String NOTICE_KO = "고객님, 폭언이나 욕설을 계속하시면 관련 법에 따라 상담을 종료할 수 있습니다.";

    /** Alert type of abuse; live and post-call alerts share it and the id {@link #alertId}. */
    public static final String ALERT_TYPE = "abuse";

    public AbuseReport {
        findings = List.copyOf(findings);
    }

    /**
     * The abuse in the customer's utterances of {@code call} (redacted), with the pack's notice.
     */
    public static AbuseReport of(CallTranscript call, RulePack pack, AbuseDetector detector) {
        List<AbuseFinding> findings = new ArrayList<>();
        List<Utterance> us = call.utterances();
        for (int i = 0; i < us.size(); i++) {
            Utterance u = us.get(i);
            if (u.speaker() == Speaker.CUSTOMER) {
                detector.find(i, u.start(), u.text(), call.language()).ifPresent(findings::add);
            }
        }
        return new AbuseReport(findings, notice(pack));
    }

    /** The notice of {@code pack}: its {@value #NOTICE} variable, else its language's default. */
    public static String notice(RulePack pack) {
        String set = pack.variables().get(NOTICE);
        if (set != null && !set.isBlank()) {
            return set;
        }
        return "ko".equals(pack.language()) ? NOTICE_KO : NOTICE_EN;
    }

    /** Whether the customer was abusive. */
    public boolean flagged() {
        return !findings.isEmpty();
    }

    /** The kinds found, in order of first appearance. */
    public List<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        findings.forEach(f -> kinds.add(f.kind().id()));
        return List.copyOf(kinds);
    }

    /** The id of a call's abuse alert, the same live and after the call. */
    public static String alertId(String callId) {
        return callId + ":" + ALERT_TYPE;
    }

    /** The call's abuse alert, on the first finding, if the customer was abusive. */
    public Optional<Alert> alert(String callId) {
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(alert(callId, findings.get(0), notice));
    }

    /** The abuse alert raised on {@code first}, the first abusive utterance of a call. */
    public static Alert alert(String callId, AbuseFinding first, String notice) {
        return new Alert(
                alertId(callId),
                ALERT_TYPE,
                null,
                Severity.HIGH,
                first.utterance(),
                first.t(),
                "Customer abuse (" + describe(first.kind()) + "). Notice for the agent: " + notice,
                new Alert.Abuse(first, notice));
    }

    private static String describe(AbuseKind kind) {
        return switch (kind) {
            case INSULT -> "insult";
            case PROFANITY -> "profanity";
            case THREAT -> "threat";
            case SEXUAL -> "sexual harassment";
        };
    }
}
