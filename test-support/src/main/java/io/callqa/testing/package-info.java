/**
 * JUnit 5 extensions that share one real OpenSearch node, one Kafka broker and one standalone Flink
 * cluster per test run.
 */
package io.callqa.testing;
