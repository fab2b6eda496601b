package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.AnalysisGate;
import dev.tap.operator.api.v1alpha1.GateMetric;
import dev.tap.operator.api.v1alpha1.GateResult;
import dev.tap.operator.api.v1alpha1.TooFewRequests;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Judges each analysis gate on one reading of the new version's metrics. */
final class GateJudge {

  static final String PASSED = "Passed";
  static final String FAILED = "Failed";
  static final String TOO_FEW = "TooFewRequests";

  private GateJudge() {}

  static List<GateResult> judge(List<AnalysisGate> gates, GateReading reading, int step, Instant now) {
    return gates.stream().map(gate -> judge(gate, reading, step, now)).toList();
  }

  private static GateResult judge(AnalysisGate gate, GateReading reading, int step, Instant now) {
    Double value = value(gate.getMetric(), reading);
    GateResult result = new GateResult();
    result.setMetric(gate.getMetric().name());
    result.setMax(gate.getMax());
    result.setValue(value == null ? null : Math.round(value * 100) / 100.0);
    result.setRequests(reading.requests());
    result.setStep(step);
    result.setEvaluatedAt(now.toString());
    // A breach counts only once the minimum is reached: two errors in the first three requests judge nothing.
    result.setResult(reading.requests() < gate.getMinRequests() || value == null ? TOO_FEW
        : value > gate.getMax() ? FAILED : PASSED);
    return result;
  }

  private static Double value(GateMetric metric, GateReading reading) {
    return switch (metric) {
      case ErrorRate -> reading.requests() == 0 ? null : reading.errors() * 100.0 / reading.requests();
      case P99Duration -> reading.p99DurationMs();
    };
  }

  static Optional<GateResult> failed(List<GateResult> results) {
    return results.stream().filter(r -> FAILED.equals(r.getResult())).findFirst();
  }

  /** The strictest policy among the gates short of requests: Fail, then Hold, then Extend. */
  static Optional<TooFewRequests> shortOfRequests(List<AnalysisGate> gates, List<GateResult> results) {
    Optional<TooFewRequests> strictest = Optional.empty();
    for (int i = 0; i < gates.size() && i < results.size(); i++) {
      if (TOO_FEW.equals(results.get(i).getResult())) {
        TooFewRequests policy = gates.get(i).getWhenTooFewRequests() == null ? TooFewRequests.Extend
            : gates.get(i).getWhenTooFewRequests();
        strictest = strictest.map(s -> max(s, policy)).or(() -> Optional.of(policy));
      }
    }
    return strictest;
  }

  private static TooFewRequests max(TooFewRequests a, TooFewRequests b) {
    Comparator<TooFewRequests> strictness = Comparator.comparingInt(p -> switch (p) {
      case Extend -> 0;
      case Hold -> 1;
      case Fail -> 2;
    });
    return strictness.compare(a, b) >= 0 ? a : b;
  }

  /** "ErrorRate 12.5 > 1.0 over 160 requests", as status, the Event and the rollback say it. */
  static String describe(GateResult result) {
    String unit = GateMetric.ErrorRate.name().equals(result.getMetric()) ? "%" : " ms";
    String value = result.getMetric() + " " + (result.getValue() == null ? "unknown" : result.getValue() + unit);
    String over = " over " + result.getRequests() + " request(s) of step " + result.getStep();
    return TOO_FEW.equals(result.getResult()) ? value + over + ": too few to judge against " + result.getMax() + unit
        : value + (FAILED.equals(result.getResult()) ? " above " : " within ") + result.getMax() + unit + over;
  }

  /** "ErrorRate saw 7 of the 20 requests it needs". */
  static String shortfall(List<AnalysisGate> gates, List<GateResult> results) {
    for (int i = 0; i < gates.size() && i < results.size(); i++) {
      if (TOO_FEW.equals(results.get(i).getResult())) {
        return "gate " + results.get(i).getMetric() + " saw " + results.get(i).getRequests() + " of the "
            + gates.get(i).getMinRequests() + " requests it needs";
      }
    }
    return "";
  }
}
