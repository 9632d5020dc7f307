/**
 * JMH and end-to-end benchmarks for callqa. They measure and print; they never assert a wall-clock
 * time.
 */
package io.callqa.benchmarks;
