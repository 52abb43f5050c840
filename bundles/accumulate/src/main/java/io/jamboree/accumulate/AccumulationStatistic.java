package io.jamboree.accumulate;

/**
 * Per-service accumulation statistics of one block (GP §12.4, the S function feeding π's service
 * statistics in §13): how many work items were accumulated and the gas used.
 */
public record AccumulationStatistic(long serviceId, long count, long gasUsed) {}
