/**
 * Real OpenSearch and Kafka distributions and a standalone Flink cluster, started as child
 * processes on loopback ports, for the demo and for integration tests.
 */
package io.callqa.servers;
