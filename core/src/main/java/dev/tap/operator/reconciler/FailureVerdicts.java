package dev.tap.operator.reconciler;

import dev.tap.operator.aws.AwsFailures;
import dev.tap.operator.aws.DeletionPendingException;
import dev.tap.operator.aws.QuotaWaitException;
import dev.tap.operator.aws.RetryLaterException;
import dev.tap.operator.aws.TerminalException;
import dev.tap.operator.status.Verdict;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a failed reconcile or deletion means, from what each dependent threw: a pure function of the
 * failures and the attempt, every row below a case of {@code FailureVerdictsTest}.
 *
 * <p>A reconcile:
 * <table>
 *   <tr><th>failures</th><th>verdict</th><th>next look</th></tr>
 *   <tr><td>one a human must act on ({@link AwsFailures#isTerminal})</td><td>Terminal, its reason (or
 *     AwsRejected)</td><td>a resync away, no backoff: AWS may change under us</td></tr>
 *   <tr><td>one AWS refused until a known time ({@link RetryLaterException})</td><td>Recoverable</td>
 *     <td>that time, not a backoff that would only be refused again</td></tr>
 *   <tr><td>only calls held back by a quota</td><td>Progressing, WaitingForQuota</td><td>the earliest
 *     turn</td></tr>
 *   <tr><td>anything else</td><td>Recoverable, with the attempt and the next retry</td><td>JOSDK's
 *     backoff</td></tr>
 * </table>
 *
 * <p>A deletion: Terminal ("cannot delete: ...") as above; Progressing, Deleting, while AWS deletes or
 * a quota holds a call back; Recoverable otherwise.
 */
final class FailureVerdicts {

  static final String REASON_QUOTA = "WaitingForQuota";
  static final String REASON_DELETING = "Deleting";

  /** A verdict and when to look again; empty: JOSDK's backoff decides. */
  record Decision(Verdict verdict, Optional<Duration> lookAgainIn) {}

  private FailureVerdicts() {}

  static Decision ofReconcile(Map<String, Exception> failures, int attempt, Duration nextRetry, Duration resync) {
    return ofReconcile(failures, attempt, nextRetry, resync, Optional.empty());
  }

  /** {@code asked}: the earliest look a dependent that did run asked for (a rollout's next step), kept while a quota waits. */
  static Decision ofReconcile(Map<String, Exception> failures, int attempt, Duration nextRetry, Duration resync,
      Optional<Duration> asked) {
    Optional<Verdict.Terminal> terminal = terminal(failures, "");
    if (terminal.isPresent()) {
      return new Decision(terminal.get(), Optional.of(resync));
    }
    List<RetryLaterException> refusedUntil = failures.values().stream().filter(RetryLaterException.class::isInstance)
        .map(RetryLaterException.class::cast).toList();
    if (!refusedUntil.isEmpty()) {
      return new Decision(new Verdict.Recoverable(describe(failures)),
          refusedUntil.stream().map(RetryLaterException::waitFor).min(Comparator.naturalOrder()));
    }
    if (onlyQuotaWaits(failures)) {
      // The earliest turn (each held-back pass has its own, and one missed would be given up), or earlier if asked.
      return new Decision(new Verdict.Progressing(REASON_QUOTA, describe(failures)), Stream.concat(asked.stream(),
          failures.values().stream().map(f -> ((QuotaWaitException) f).waitFor())).min(Comparator.naturalOrder()));
    }
    return new Decision(new Verdict.Recoverable(describe(failures) + " (attempt " + attempt + ", retrying in about "
        + nextRetry.toMillis() + " ms)"), Optional.empty());
  }

  /** Every failure a call held back by a quota: nothing failed, the reconcile waits its turn. */
  static boolean onlyQuotaWaits(Map<String, Exception> failures) {
    return !failures.isEmpty() && failures.values().stream().allMatch(QuotaWaitException.class::isInstance);
  }

  static Verdict ofDeletion(Map<String, Exception> failures, int attempt) {
    Optional<Verdict.Terminal> terminal = terminal(failures, "cannot delete: ");
    if (terminal.isPresent()) {
      return terminal.get();
    }
    if (failures.values().stream().allMatch(f -> f instanceof DeletionPendingException || f instanceof QuotaWaitException)) {
      return new Verdict.Progressing(REASON_DELETING, "deleting: " + failures.values().stream().map(Exception::getMessage)
          .collect(Collectors.joining("; ")));
    }
    return new Verdict.Recoverable("deleting: " + describe(failures) + " (attempt " + attempt + ")");
  }

  /** What each dependent threw, unwrapped from JOSDK's aggregate and its metrics' wrapper. */
  static Map<String, Exception> failuresOf(Exception e) {
    if (e instanceof AggregatedOperatorException aggregated) {
      return aggregated.getAggregatedExceptions();
    }
    if (e instanceof OperatorException && e.getCause() instanceof Exception cause) {
      return failuresOf(cause);
    }
    return Map.of("reconcile", e);
  }

  /** Neither an AWS nor a Kubernetes API failure nor one of ours: a bug. */
  static boolean unexpected(Exception failure) {
    return !(failure instanceof SdkException || failure instanceof KubernetesClientException
        || failure instanceof TerminalException || failure instanceof QuotaWaitException
        || failure instanceof RetryLaterException || failure instanceof DeletionPendingException);
  }

  /** One line for all failures: {@code dependent: ErrorCode: message; ...}. */
  static String describe(Map<String, Exception> failures) {
    return failures.entrySet().stream().map(f -> f.getKey() + ": " + AwsFailures.describe(f.getValue()))
        .collect(Collectors.joining("; "));
  }

  private static Optional<Verdict.Terminal> terminal(Map<String, Exception> failures, String prefix) {
    return failures.entrySet().stream().filter(f -> AwsFailures.isTerminal(f.getValue())).findFirst()
        .map(f -> new Verdict.Terminal(f.getValue() instanceof TerminalException t ? t.reason() : "AwsRejected",
            prefix + f.getKey() + ": " + AwsFailures.describe(f.getValue())));
  }
}
