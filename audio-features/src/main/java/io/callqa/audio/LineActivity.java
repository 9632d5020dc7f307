package io.callqa.audio;

/**
 * Follows the level of one live call channel, 10 ms at a time as its audio arrives, and tells when
 * anyone was last heard on it: the cue for dead air while it lasts, before any utterance ends it.
 *
 * <p>It is the level half of {@link VoiceActivityDetector}, made incremental: a frame is active
 * when its level (after a first-difference pre-emphasis, which removes hum and the rumble of a
 * phone line as the speech band's 200 Hz high-pass does) stands {@link VadSettings#marginDb()} over
 * a noise floor that follows quieter frames at once and rises at most {@link
 * VadSettings#floorRiseDbPerS()} (10 dB/s in the first 3 s). Without the pitch cue a click or a
 * noise burst counts as activity, which can only delay a dead-air alert, never raise a false one.
 *
 * <p>The state is three numbers with getters and setters, so a stream processor can keep it as
 * keyed state (a Flink POJO) without this library knowing about Flink.
 */
public final class LineActivity {
    private static final double FRAME_S = FrameTrack.HOP_S;
    private static final double STARTUP_S = 3.0;
    private static final double STARTUP_RISE_DB_PER_S = 10;

    private double floorDb = Double.NaN;
    private double lastActiveS = Double.NEGATIVE_INFINITY;
    private double heardToS;

    /** A channel nothing has been heard on yet. */
    public LineActivity() {}

    /**
     * Takes the next {@code n} 16-bit samples of the channel, which start {@link #getHeardToS()}
     * seconds into the call. A last partial frame is measured on its own.
     */
    public void accept(short[] pcm, int n, int sampleRate, VadSettings vad) {
        int frame = Math.max(1, (int) Math.round(sampleRate * FRAME_S));
        for (int from = 0; from < n; from += frame) {
            int to = Math.min(n, from + frame);
            double sum = 0;
            int prev = from > 0 ? pcm[from - 1] : pcm[from];
            for (int i = from; i < to; i++) {
                double d = (pcm[i] - 0.97 * prev) / 32768.0;
                sum += d * d;
                prev = pcm[i];
            }
            double levelDb = 10 * Math.log10(sum / (to - from) + 1e-12);
            double frameS = (to - from) / (double) sampleRate;
            if (Double.isNaN(floorDb)) {
                floorDb = vad.absoluteFloorDb() - vad.marginDb();
            }
            double rise = heardToS < STARTUP_S ? STARTUP_RISE_DB_PER_S : vad.floorRiseDbPerS();
            floorDb = levelDb < floorDb ? levelDb : floorDb + rise * frameS;
            heardToS += frameS;
            if (levelDb > Math.max(floorDb + vad.marginDb(), vad.absoluteFloorDb())) {
                lastActiveS = heardToS;
            }
        }
    }

    /**
     * When the call last had a voice on any of {@code channels}, or {@code lastSpeechEndS} (the end
     * of the last finalized utterance) when that is later: the start of the current silence.
     */
    public static double silentSince(double lastSpeechEndS, LineActivity... channels) {
        double since = lastSpeechEndS;
        for (LineActivity c : channels) {
            since = Math.max(since, c.lastActiveS);
        }
        return since;
    }

    /** How far into the call all of {@code channels} have been measured. */
    public static double heardTo(LineActivity... channels) {
        double to = Double.POSITIVE_INFINITY;
        for (LineActivity c : channels) {
            to = Math.min(to, c.heardToS);
        }
        return channels.length == 0 ? 0 : to;
    }

    /** The tracked noise floor in dBFS; NaN before the first frame. */
    public double getFloorDb() {
        return floorDb;
    }

    /** For keyed state. */
    public void setFloorDb(double floorDb) {
        this.floorDb = floorDb;
    }

    /** When the last active frame ended, seconds into the call; -infinity when none was. */
    public double getLastActiveS() {
        return lastActiveS;
    }

    /** For keyed state. */
    public void setLastActiveS(double lastActiveS) {
        this.lastActiveS = lastActiveS;
    }

    /** Seconds of the channel measured so far. */
    public double getHeardToS() {
        return heardToS;
    }

    /** For keyed state. */
    public void setHeardToS(double heardToS) {
        this.heardToS = heardToS;
    }
}
