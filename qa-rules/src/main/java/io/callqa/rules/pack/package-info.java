/** Rule packs: the YAML format, its validating loader and the rule model. */
package io.callqa.rules.pack;
