/**
 * Live agent assist: the rule pack's playbooks applied to a call as it is spoken. {@link
 * io.callqa.rules.assist.AgentAssist} holds a pack's playbooks and the classifiers; each call gets
 * an {@link io.callqa.rules.assist.AssistSession} that takes the call's finalized utterances one at
 * a time and answers with {@link io.callqa.rules.assist.AssistEvent}s (a step suggested, a step
 * withdrawn once done), and at the end reports what was suggested and whether the agent followed it
 * ({@link io.callqa.rules.assist.AssistReport}). Plain Java; no Flink types.
 */
package io.callqa.rules.assist;
