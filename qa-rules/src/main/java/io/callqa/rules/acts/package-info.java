/**
 * Dialogue acts: what an utterance does in the call (greets, discloses recording, asks for identity
 * verification, offers further help, says goodbye, ...), as a QA form asks about it, in English and
 * Korean, on written and recognizer text. {@link io.callqa.rules.acts.DialogueActClassifier} scores
 * every {@link io.callqa.rules.acts.DialogueAct} with its own logistic regression (one against the
 * rest, trained with Tribuo on the bundled {@link io.callqa.rules.acts.ActCorpus}), so one
 * utterance can carry several acts.
 */
package io.callqa.rules.acts;
