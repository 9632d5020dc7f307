/** JUnit 5 extensions that share one real OpenSearch node and one Kafka broker per test run. */
package io.callqa.testing;
