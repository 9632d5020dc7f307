/**
 * The judgement half of callqa: rule packs, QA scorecards, PII redaction, call classification and
 * summaries. Plain Java; no Flink types.
 */
package io.callqa.rules;
