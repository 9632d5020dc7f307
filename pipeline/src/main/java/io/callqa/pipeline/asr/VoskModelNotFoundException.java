package io.callqa.pipeline.asr;

/**
 * No usable Vosk model: the message says where callqa looked and exactly what to do, because
 * without a model audio-only input cannot be transcribed (pre-transcribed calls need none).
 */
public final class VoskModelNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the full, user-facing message. */
    public VoskModelNotFoundException(String message) {
        super(message);
    }
}
