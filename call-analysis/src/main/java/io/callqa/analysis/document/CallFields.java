package io.callqa.analysis.document;

/**
 * The fields of a call document ({@code callqa-calls}): the one place their names are written. The
 * document writer ({@link CallDocuments}), the console's queries and pages, and the test that holds
 * the index template to the documents all use these.
 */
public final class CallFields {

    private CallFields() {}

    private static DocumentField f(String path) {
        return new DocumentField(path);
    }

    public static final DocumentField CALL_ID = f("call_id");
    public static final DocumentField LANGUAGE = f("language");
    public static final DocumentField DURATION_S = f("duration_s");
    public static final DocumentField STARTED_AT = f("started_at");
    public static final DocumentField ENDED_AT = f("ended_at");
    public static final DocumentField UTTERANCE_COUNT = f("utterance_count");

    /** Metadata copied from the transcript or the live call's start event, redacted. */
    public static final DocumentField AGENT_ID = f("agent_id");

    public static final DocumentField TEAM = f("team");
    public static final DocumentField QUEUE = f("queue");

    public static final DocumentField QA = f("qa");
    public static final DocumentField QA_SCORE = f("qa.score");
    public static final DocumentField QA_COMPLIANCE_PASSED = f("qa.compliance_passed");
    public static final DocumentField QA_RULEPACK = f("qa.rulepack");
    public static final DocumentField QA_FAILED_RULES = f("qa.failed_rules");
    public static final DocumentField QA_FAILED_COMPLIANCE_RULES = f("qa.failed_compliance_rules");
    public static final DocumentField QA_EXPLANATION = f("qa.explanation");
    public static final DocumentField QA_RESULTS = f("qa.results");
    public static final DocumentField RESULT_RULE_ID = f("qa.results.rule_id");
    public static final DocumentField RESULT_DESCRIPTION = f("qa.results.description");
    public static final DocumentField RESULT_KIND = f("qa.results.kind");
    public static final DocumentField RESULT_SEVERITY = f("qa.results.severity");
    public static final DocumentField RESULT_WEIGHT = f("qa.results.weight");
    public static final DocumentField RESULT_PASSED = f("qa.results.passed");
    public static final DocumentField RESULT_NOTE = f("qa.results.note");
    public static final DocumentField RESULT_EVIDENCE = f("qa.results.evidence");
    public static final DocumentField EVIDENCE_UTTERANCE = f("qa.results.evidence.utterance");
    public static final DocumentField EVIDENCE_T = f("qa.results.evidence.t");
    public static final DocumentField EVIDENCE_TEXT = f("qa.results.evidence.text");
    public static final DocumentField EVIDENCE_MATCHED = f("qa.results.evidence.matched");
    public static final DocumentField EVIDENCE_STRENGTH = f("qa.results.evidence.strength");
    public static final DocumentField EVIDENCE_CONFIDENCE = f("qa.results.evidence.confidence");
    public static final DocumentField EVIDENCE_ACT = f("qa.results.evidence.act");

    /** The pack the call was scored with, also at the top level for dashboards. */
    public static final DocumentField RULEPACK = f("rulepack");

    public static final DocumentField RULEPACK_ID = f("rulepack.id");
    public static final DocumentField RULEPACK_VERSION = f("rulepack.version");

    public static final DocumentField CATEGORY = f("category");
    public static final DocumentField CATEGORY_LABEL = f("category.label");
    public static final DocumentField CATEGORY_CONFIDENCE = f("category.confidence");
    public static final DocumentField CATEGORY_SCORES = f("category.scores");

    public static final DocumentField SUMMARY = f("summary");
    public static final DocumentField SUMMARY_PARTS = f("summary_parts");
    public static final DocumentField SUMMARY_REASON = f("summary_parts.reason");
    public static final DocumentField SUMMARY_ACTION = f("summary_parts.action");
    public static final DocumentField SUMMARY_OUTCOME = f("summary_parts.outcome");
    public static final DocumentField SUMMARY_NEXT_STEP = f("summary_parts.next_step");
    public static final DocumentField KEYWORDS = f("keywords");

    public static final DocumentField PII_FOUND = f("pii_found");
    public static final DocumentField PII_TYPE = f("pii_found.type");
    public static final DocumentField PII_UTTERANCE = f("pii_found.utterance");
    public static final DocumentField PII_SPEAKER = f("pii_found.speaker");

    public static final DocumentField UTTERANCES = f("utterances");
    public static final DocumentField UTTERANCE_SPEAKER = f("utterances.speaker");
    public static final DocumentField UTTERANCE_START = f("utterances.start");
    public static final DocumentField UTTERANCE_END = f("utterances.end");
    public static final DocumentField UTTERANCE_TEXT = f("utterances.text");
    public static final DocumentField UTTERANCE_CONFIDENCE = f("utterances.confidence");
    public static final DocumentField UTTERANCE_WORDS = f("utterances.words");
    public static final DocumentField UTTERANCE_AGITATED = f("utterances.agitated");
    public static final DocumentField UTTERANCE_EMOTION = f("utterances.emotion");
    public static final DocumentField UTTERANCE_AROUSAL = f("utterances.arousal");
    public static final DocumentField UTTERANCE_PITCH_MEAN_HZ = f("utterances.pitch_mean_hz");
    public static final DocumentField UTTERANCE_ENERGY_DBFS = f("utterances.energy_dbfs");
    public static final DocumentField WORD_W = f("utterances.words.w");
    public static final DocumentField WORD_START = f("utterances.words.start");
    public static final DocumentField WORD_END = f("utterances.words.end");
    public static final DocumentField WORD_CONF = f("utterances.words.conf");

    public static final DocumentField ALERTS = f("alerts");
    public static final DocumentField ALERT_ID = f("alerts.id");
    public static final DocumentField ALERT_TYPE = f("alerts.type");
    public static final DocumentField ALERT_RULE_ID = f("alerts.rule_id");
    public static final DocumentField ALERT_SEVERITY = f("alerts.severity");
    public static final DocumentField ALERT_UTTERANCE = f("alerts.utterance");
    public static final DocumentField ALERT_T = f("alerts.t");
    public static final DocumentField ALERT_MESSAGE = f("alerts.message");

    /**
     * Abuse of the agent by the caller: whether, how often, which kinds, one finding per abusive
     * utterance (its redacted text and the lexicon terms that matched), and the notice the agent
     * may read.
     */
    public static final DocumentField ABUSE = f("abuse");

    public static final DocumentField ABUSE_FLAGGED = f("abuse.flagged");
    public static final DocumentField ABUSE_COUNT = f("abuse.count");
    public static final DocumentField ABUSE_KINDS = f("abuse.kinds");
    public static final DocumentField ABUSE_FINDINGS = f("abuse.findings");
    public static final DocumentField ABUSE_UTTERANCE = f("abuse.findings.utterance");
    public static final DocumentField ABUSE_T = f("abuse.findings.t");
    public static final DocumentField ABUSE_KIND = f("abuse.findings.kind");
    public static final DocumentField ABUSE_TEXT = f("abuse.findings.text");
    public static final DocumentField ABUSE_TERMS = f("abuse.findings.terms");
    public static final DocumentField ABUSE_CONFIDENCE = f("abuse.findings.confidence");
    public static final DocumentField ABUSE_NOTICE = f("abuse.notice");

    /** Agent assist after the call: what was suggested and whether the agent followed it. */
    public static final DocumentField ASSIST = f("assist");

    public static final DocumentField ASSIST_SUGGESTED = f("assist.suggested");
    public static final DocumentField ASSIST_FOLLOWED = f("assist.followed");
    public static final DocumentField ASSIST_PLAYBOOKS = f("assist.playbooks");
    public static final DocumentField PLAYBOOK_ID = f("assist.playbooks.playbook");
    public static final DocumentField PLAYBOOK_DESCRIPTION = f("assist.playbooks.description");
    public static final DocumentField PLAYBOOK_TRIGGERED_AT = f("assist.playbooks.triggered_at");
    public static final DocumentField PLAYBOOK_EVIDENCE = f("assist.playbooks.evidence");
    public static final DocumentField PLAYBOOK_STEPS = f("assist.playbooks.steps");
    public static final DocumentField STEP_ID = f("assist.playbooks.steps.step");
    public static final DocumentField STEP_TEXT = f("assist.playbooks.steps.text");
    public static final DocumentField STEP_SUGGESTED_AT = f("assist.playbooks.steps.suggested_at");
    public static final DocumentField STEP_DONE_AT = f("assist.playbooks.steps.done_at");
    public static final DocumentField STEP_FOLLOWED = f("assist.playbooks.steps.followed");

    public static final DocumentField SOURCE = f("source");
    public static final DocumentField SOURCE_URI = f("source.uri");
    public static final DocumentField SOURCE_SHA256 = f("source.sha256");
    public static final DocumentField SOURCE_KIND = f("source.kind");
    public static final DocumentField SOURCE_TRANSCRIPT = f("source.transcript");
    public static final DocumentField SOURCE_TRANSCRIPT_URI = f("source.transcript.uri");
    public static final DocumentField SOURCE_TRANSCRIPT_SHA256 = f("source.transcript.sha256");

    public static final DocumentField ASR = f("asr");
    public static final DocumentField ASR_ENGINE = f("asr.engine");
    public static final DocumentField ASR_MODEL = f("asr.model");

    /** Per speaker ({@code prosody.agent}, {@code prosody.customer}) and for the whole call. */
    public static final DocumentField PROSODY = f("prosody");

    public static final DocumentField PROSODY_AGENT = f("prosody.agent");
    public static final DocumentField PROSODY_CUSTOMER = f("prosody.customer");
    public static final DocumentField PROSODY_SILENCE_RATIO = f("prosody.silence_ratio");
    public static final DocumentField PROSODY_LONGEST_SILENCE_S = f("prosody.longest_silence_s");
    public static final DocumentField PROSODY_OVERTALK_S = f("prosody.overtalk_s");
    public static final DocumentField PROSODY_INTERRUPTIONS = f("prosody.interruptions");

    /** Inside {@code prosody.agent} and {@code prosody.customer}. */
    public static final String TALK_S = "talk_s";

    public static final String TALK_RATIO = "talk_ratio";
    public static final String PITCH_MEAN_HZ = "pitch_mean_hz";
    public static final String PITCH_MEDIAN_HZ = "pitch_median_hz";
    public static final String PITCH_SD_ST = "pitch_sd_st";
    public static final String PITCH_RANGE_ST = "pitch_range_st";
    public static final String ENERGY_DBFS = "energy_dbfs";

    /** Per speaker ({@code emotion.agent}, {@code emotion.customer}). */
    public static final DocumentField EMOTION = f("emotion");

    public static final DocumentField EMOTION_AGENT = f("emotion.agent");
    public static final DocumentField EMOTION_CUSTOMER = f("emotion.customer");

    /** Inside {@code emotion.agent} and {@code emotion.customer}. */
    public static final String DOMINANT = "dominant";

    public static final String MAX_AROUSAL = "max_arousal";
    public static final String MAX_AROUSAL_AT = "max_arousal_at";
    public static final String TREND = "trend";
    public static final String TIMELINE = "timeline";

    public static final DocumentField DEAD_AIR = f("dead_air");
    public static final DocumentField DEAD_AIR_START = f("dead_air.start");
    public static final DocumentField DEAD_AIR_END = f("dead_air.end");
}
