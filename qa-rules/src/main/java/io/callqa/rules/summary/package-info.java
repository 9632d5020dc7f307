/** Extractive call summaries and keywords, in English and Korean. */
package io.callqa.rules.summary;
