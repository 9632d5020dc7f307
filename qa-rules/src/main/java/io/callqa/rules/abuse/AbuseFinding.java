package io.callqa.rules.abuse;

import java.util.List;

/**
 * One abusive customer utterance.
 *
 * @param utterance index of the utterance in the call
 * @param t start of the utterance, seconds from the start of the call
 * @param kind the gravest kind found (threat, then sexual, insult, profanity)
 * @param terms the lexicon terms that matched, as the lexicon writes them
 * @param confidence the classifier's probability that the utterance is abusive
 * @param text the utterance's text as given (the caller passes redacted text)
 */
public record AbuseFinding(
        int utterance,
        double t,
        AbuseKind kind,
        List<String> terms,
        double confidence,
        String text) {

    public AbuseFinding {
        terms = List.copyOf(terms);
    }
}
