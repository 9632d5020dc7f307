/**
 * Real OpenSearch and Kafka distributions started as child processes on loopback ports, for the
 * demo and for integration tests.
 */
package io.callqa.servers;
