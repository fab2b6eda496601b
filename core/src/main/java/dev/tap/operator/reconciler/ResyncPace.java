package dev.tap.operator.reconciler;

import dev.tap.operator.aws.AwsPacing;
import java.time.Duration;
import java.util.Map;

/**
 * How often a converged resource is read again: the operator's resync interval, stretched so that the
 * resyncs of all the resources it serves use at most half of any quota, the other half left for
 * changes. {@code calls} are those one converged reconcile sent, by quota: with 1 000 resources the
 * two API Gateway reads of each every 5 minutes would be 6.7 per second of the account's 10.
 */
final class ResyncPace {

  static final double SHARE_OF_QUOTA = 0.5;

  private ResyncPace() {}

  static Duration interval(Duration base, Map<AwsPacing.Quota, Integer> calls, long resources) {
    double seconds = base.toMillis() / 1000.0;
    for (Map.Entry<AwsPacing.Quota, Integer> call : calls.entrySet()) {
      seconds = Math.max(seconds, call.getValue() * resources / (SHARE_OF_QUOTA * call.getKey().perSecond()));
    }
    return Duration.ofMillis((long) Math.ceil(seconds * 1000));
  }
}
