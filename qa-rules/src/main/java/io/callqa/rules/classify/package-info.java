/**
 * Call classification: a statistical model (logistic regression over word and character n-grams,
 * trained with Tribuo) that puts utterances and whole calls into refund / shipping / billing /
 * other, in English and Korean; its training corpus, evaluation and model files. See {@link
 * io.callqa.rules.classify.CallClassifier}.
 */
package io.callqa.rules.classify;
