/** Tolerant phrase matching for transcribed speech: English stemming, Korean jamo, fuzzy words. */
package io.callqa.rules.match;
