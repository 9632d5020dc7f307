package io.callqa.audio;

import java.util.Arrays;

/**
 * Per-frame measurements of one channel, kept as compact primitive arrays: every {@link #HOP_S}
 * seconds four floats and one flag, 17 bytes, so 1.7 kB per channel per second of audio (about 12
 * MB per channel for a 2-hour call). Nothing else grows with the length of a call.
 */
public final class FrameTrack {
    /** Frame hop in seconds (10 ms). */
    public static final double HOP_S = 0.010;

    private float[] energyDb;
    private float[] bandDb;
    private float[] hfDb;
    private float[] f0;
    private boolean[] active;
    private int size;

    FrameTrack(int expectedFrames) {
        int n = Math.max(16, expectedFrames);
        energyDb = new float[n];
        bandDb = new float[n];
        hfDb = new float[n];
        f0 = new float[n];
        active = new boolean[n];
    }

    void add(float energy, float band, float hf, float pitch, boolean isActive) {
        if (size == f0.length) {
            int n = size + (size >> 1) + 16;
            energyDb = Arrays.copyOf(energyDb, n);
            bandDb = Arrays.copyOf(bandDb, n);
            hfDb = Arrays.copyOf(hfDb, n);
            f0 = Arrays.copyOf(f0, n);
            active = Arrays.copyOf(active, n);
        }
        energyDb[size] = energy;
        bandDb[size] = band;
        hfDb[size] = hf;
        f0[size] = pitch;
        active[size] = isActive;
        size++;
    }

    /** Number of frames. */
    public int size() {
        return size;
    }

    /** Duration covered, in seconds. */
    public double durationS() {
        return size * HOP_S;
    }

    /** Full-band RMS level of frame {@code i} in dBFS. */
    public float energyDb(int i) {
        return energyDb[i];
    }

    /** RMS level above 200 Hz (speech band, without hum and rumble) in dBFS. */
    public float bandDb(int i) {
        return bandDb[i];
    }

    /** RMS level above 1 kHz in dBFS. */
    public float hfDb(int i) {
        return hfDb[i];
    }

    /** F0 in Hz, or 0 when the frame is unvoiced. */
    public float f0(int i) {
        return f0[i];
    }

    /** Whether the speech-band energy stands clear of the tracked noise floor. */
    public boolean active(int i) {
        return active[i];
    }

    /** Frame index of a time in seconds, clamped to the track. */
    public int frameAt(double seconds) {
        return (int) Math.max(0, Math.min(size, Math.round(seconds / HOP_S)));
    }

    /** Bytes held by the arrays (capacity, not just size): the memory bound of a channel. */
    public long retainedBytes() {
        return (long) f0.length * (4 * 4 + 1);
    }

    /**
     * Releases spare capacity once the stream has ended. A track presized from the file's header
     * has next to none; copying it anyway would briefly double the channel's memory.
     */
    void trim() {
        if (f0.length - size <= size / 8) {
            return;
        }
        energyDb = Arrays.copyOf(energyDb, size);
        bandDb = Arrays.copyOf(bandDb, size);
        hfDb = Arrays.copyOf(hfDb, size);
        f0 = Arrays.copyOf(f0, size);
        active = Arrays.copyOf(active, size);
    }
}
