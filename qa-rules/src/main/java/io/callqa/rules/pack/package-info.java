/**
 * Rule packs: the YAML format, its validating loader, the rule model and the agent-assist
 * playbooks.
 */
package io.callqa.rules.pack;
