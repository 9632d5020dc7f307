/**
 * The one analysis of a call: a transcript (and, when there is one, its recording) in, a typed
 * {@code CallReport} out, and the only writer of the documents that the job indexes and {@code
 * callqa analyze} prints. Plain Java, no Flink: the CLI, the batch operator and the live operator
 * all call it.
 */
package io.callqa.analysis;
