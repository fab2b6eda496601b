package dev.tap.operator.reconciler;

import dev.tap.operator.status.Verdict;
import dev.tap.operator.workflow.DependentOutcome;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a workflow run that threw nothing concluded, from the dependents' outcomes in workflow order:
 * Synced when all are ready; otherwise Progressing as the first one not ready says. The earliest
 * "look again" any outcome asked for, and what was adopted, come along.
 */
record WorkflowVerdict(Verdict verdict, Optional<Duration> earliest, Optional<String> adopted) {

  static WorkflowVerdict of(List<DependentOutcome> outcomes, boolean allReady) {
    Optional<Duration> earliest = outcomes.stream().flatMap(o -> o.lookAgainIn().stream()).min(Comparator.naturalOrder());
    List<String> adoptedNames = outcomes.stream().flatMap(o -> o.adopted().stream()).toList();
    Optional<String> adopted = adoptedNames.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", adoptedNames));
    if (allReady) {
      return new WorkflowVerdict(new Verdict.Synced(), earliest, adopted);
    }
    Optional<DependentOutcome> first = outcomes.stream().filter(o -> !o.ready()).findFirst();
    return new WorkflowVerdict(new Verdict.Progressing(first.map(DependentOutcome::reason)
        .orElse(Preflight.REASON_PROGRESSING), first.map(DependentOutcome::progress).orElse("reconciling")),
        earliest, adopted);
  }
}
