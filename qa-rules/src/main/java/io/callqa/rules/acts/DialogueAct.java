package io.callqa.rules.acts;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an utterance does in a customer-service call, as a QA form asks about it. Ids are the
 * lower-case, hyphenated names rule packs use ({@code act: offer-help}).
 */
public enum DialogueAct {
    /**
     * Opening a call or answering one: hello, good morning, thank you for calling, welcome to, and
     * the opening "how can I help you (today)" / 무엇을 도와드릴까요, which belongs to the greeting. A
     * customer's hello counts too.
     */
    GREETING("greeting"),
    /** Saying who is speaking: "this is Dana", "my name is Sam", "상담원 김민지입니다". */
    SELF_INTRODUCTION("self-introduction"),
    /**
     * Telling the caller the call is recorded or monitored: "this call may be recorded for quality
     * and training", "통화 내용은 녹음됩니다".
     */
    RECORDING_DISCLOSURE("recording-disclosure"),
    /**
     * Asking the caller to prove who they are: full name, date of birth, postcode, the last digits
     * of an account or ID number, a security question, a one-time code.
     */
    VERIFICATION_REQUEST("verification-request"),
    /**
     * Telling the caller their identity is confirmed: "thanks, you're verified", "본인 확인 완료되었습니다".
     */
    VERIFICATION_CONFIRMED("verification-confirmed"),
    /**
     * Empathy or apology: "I'm sorry to hear that", "I understand how frustrating this is", "불편을 드려
     * 죄송합니다".
     */
    EMPATHY("empathy"),
    /** Asking the caller to wait or be put on hold: "bear with me", "one moment", "잠시만 기다려 주세요". */
    HOLD_REQUEST("hold-request"),
    /**
     * Thanking the caller after a wait: "thanks for holding", "thank you for your patience", "오래
     * 기다리셨습니다".
     */
    THANKS_FOR_HOLDING("thanks-for-holding"),
    /**
     * Offering further help near the end of a call: "is there anything else I can help with", "더
     * 도와드릴 일 있으실까요". The opening "how can I help" is a {@link #GREETING}, not this.
     */
    OFFER_HELP("offer-help"),
    /**
     * Closing the call: goodbye, have a nice day, thanks for calling (at the end), 좋은 하루 보내세요,
     * 감사합니다 as a closing.
     */
    FAREWELL("farewell"),
    /**
     * The caller asks for someone more senior or files a formal complaint: "let me speak to a
     * manager", "I want to make a complaint", "책임자 바꿔 주세요".
     */
    ESCALATION_REQUEST("escalation-request"),
    /**
     * The agent hands the call to another person or team: "I'll transfer you to billing", "담당 부서로
     * 연결해 드리겠습니다".
     */
    TRANSFER("transfer"),
    /**
     * A commitment or guarantee: "I'll make sure the refund goes out today", "I guarantee it will
     * arrive by Friday", "제가 꼭 처리해 드리겠습니다".
     */
    PROMISE("promise"),
    /**
     * A request for payment or secret data: a full card number, its expiry or security code, a PIN
     * or password, bank account details, a full national ID number.
     */
    SENSITIVE_DATA_REQUEST("sensitive-data-request"),
    /** None of the above: the problem, its explanation, questions, answers, backchannels. */
    OTHER("other");

    private final String id;

    DialogueAct(String id) {
        this.id = id;
    }

    /** The id used in rule packs, corpora and evidence, e.g. {@code offer-help}. */
    public String id() {
        return id;
    }

    /**
     * The act with this id.
     *
     * @throws IllegalArgumentException naming the id and the known ids when there is none
     */
    public static DialogueAct fromId(String id) {
        for (DialogueAct a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "unknown dialogue act \""
                        + id
                        + "\"; known acts: "
                        + Arrays.stream(values())
                                .map(DialogueAct::id)
                                .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
