/**
 * Abuse of the agent by the customer: insults, profanity, threats and sexual harassment, found in
 * English and Korean, written or recognizer text, by lexicons aimed at a person and confirmed and
 * scored by a classifier.
 */
package io.callqa.rules.abuse;
