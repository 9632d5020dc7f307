/**
 * Abuse from the customer: insults, profanity (masked forms too), threats of harm and sexual
 * harassment, in English and Korean, on written and recognizer text. {@link
 * io.callqa.rules.abuse.AbuseDetector} combines a lexicon per language ({@link
 * io.callqa.rules.abuse.AbuseLexicon}) with a statistical classifier ({@link
 * io.callqa.rules.abuse.AbuseClassifier}, trained with Tribuo on the bundled {@link
 * io.callqa.rules.abuse.AbuseCorpus}); angry but civil complaints do not count, and the agent's
 * words are never looked at.
 */
package io.callqa.rules.abuse;
