/**
 * A live call's evolving analysis ({@code LiveCallSession}): each finalized utterance runs only the
 * rules it can change, so the work per utterance does not grow with the call. Plain Java, no Flink;
 * the Flink operator keeps only its state, timers and side outputs.
 */
package io.callqa.analysis.live;
