package dev.tap.operator.scaling;

import java.util.List;

/** What the scaling dependent saw and did in this reconcile: the state before, the wanted targets, the changes. */
public record ScalingOutcome(ObservedScaling observed, List<ScalingTarget> desired, List<ScalingChange> changes) {}
