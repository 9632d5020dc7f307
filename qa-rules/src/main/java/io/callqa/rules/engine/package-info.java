/**
 * Post-call analysis: the rule engine, QA scorecard, alerts and the analysis result document.
 * {@link io.callqa.rules.engine.CallAnalyzer} is the entry point.
 */
package io.callqa.rules.engine;
