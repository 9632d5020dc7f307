/** Detection and redaction of sensitive data (cards, phones, e-mail, SSN, RRN, dates of birth). */
package io.callqa.rules.pii;
