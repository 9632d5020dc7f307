package io.callqa.rules.pii;

/** A stretch of one utterance's text to replace, and what it holds. */
record Span(int utterance, int start, int end, PiiType type) {}
