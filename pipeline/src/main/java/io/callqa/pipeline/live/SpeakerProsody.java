package io.callqa.pipeline.live;

import io.callqa.audio.Prosody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The latest measures of each speaker of a live call, that the arousal of their next utterance is
 * judged against. Bounded ({@link #KEPT} per speaker), so that an utterance reads a few hundred
 * measures, not the whole call. Flink POJO for keyed state.
 */
public class SpeakerProsody {

    /**
     * Utterances per speaker the baseline is taken over: a median and spread over this many is as
     * steady as over all of them, and a call needs over an hour to say more.
     */
    static final int KEPT = 200;

    /** The agent's latest measures, oldest first. */
    public Prosody[] agent = new Prosody[0];

    /** The customer's latest measures, oldest first. */
    public Prosody[] customer = new Prosody[0];

    /** For Flink's POJO serializer. */
    public SpeakerProsody() {}

    /** The speaker's measures with {@code latest} after them, as the estimator takes them. */
    List<Prosody> with(String speaker, Prosody latest) {
        List<Prosody> out = new ArrayList<>(Arrays.asList(of(speaker)));
        out.add(latest);
        return out;
    }

    /** Adds the speaker's latest measures, forgetting the oldest beyond {@link #KEPT}. */
    void add(String speaker, Prosody latest) {
        Prosody[] mine = of(speaker);
        int from = Math.max(0, mine.length + 1 - KEPT);
        Prosody[] next = Arrays.copyOfRange(mine, from, mine.length + 1);
        next[next.length - 1] = latest;
        if ("agent".equals(speaker)) {
            agent = next;
        } else {
            customer = next;
        }
    }

    private Prosody[] of(String speaker) {
        Prosody[] p = "agent".equals(speaker) ? agent : customer;
        return p == null ? new Prosody[0] : p;
    }
}
