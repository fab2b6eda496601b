package dev.tap.operator.rollout;

/** The new version's own invocations through the alias since a step started: requests, errors, p99 Duration (ms, null without data). */
public record GateReading(long requests, long errors, Double p99DurationMs) {}
