package io.callqa.analysis;

/**
 * Where a call's analysis came from, for the audit trail ({@code source} in the call document): a
 * transcript file, a recording (with the transcript that went with it) or a live call.
 *
 * @param kind {@code transcript}, {@code recording} or {@code live}
 * @param uri the transcript, the recording, or where the live call's audio came from
 * @param sha256 the hash of what {@code uri} names, or null when there is none (live calls)
 * @param transcriptUri for a recording, its transcript; else null
 * @param transcriptSha256 for a recording, the hash of its transcript; else null
 */
public record Source(
        String kind, String uri, String sha256, String transcriptUri, String transcriptSha256) {

    /** A call read from a transcript alone. */
    public static Source transcript(String uri, String sha256) {
        return new Source("transcript", uri, sha256, null, null);
    }

    /** A call read from a recording, with the transcript that belongs to it. */
    public static Source recording(
            String uri, String sha256, String transcriptUri, String transcriptSha256) {
        return new Source("recording", uri, sha256, transcriptUri, transcriptSha256);
    }

    /** A live call whose audio or words came from {@code uri} (for example a topic). */
    public static Source live(String uri) {
        return new Source("live", uri, null, null, null);
    }
}
