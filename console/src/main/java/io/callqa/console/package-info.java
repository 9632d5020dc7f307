/**
 * The supervisor console: a small web application over callqa's OpenSearch indices, served by the
 * JDK's HTTP server. Start it with {@link io.callqa.console.ConsoleServer#builder()}.
 */
package io.callqa.console;
