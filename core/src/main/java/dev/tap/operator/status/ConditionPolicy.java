package dev.tap.operator.status;

import java.util.Optional;

/**
 * Which conditions a verdict sets, in one place, as ACK's {@code ensureConditions} does. Pure: the
 * conditions before and the verdict in, the conditions after out.
 *
 * <ul>
 *   <li>Synced: ResourceSynced and Ready True; Terminal, Recoverable and Progressing removed.
 *   <li>Progressing: Progressing True; ResourceSynced and Ready False with the same text; Terminal and
 *       Recoverable removed.
 *   <li>Recoverable: Recoverable True; ResourceSynced Unknown (status never claims more than is known);
 *       Ready False; Terminal removed; Progressing kept as it was.
 *   <li>Terminal: Terminal True; ResourceSynced and Ready False; Recoverable and Progressing removed.
 * </ul>
 * Adopted is set True when this reconcile adopted something, and then kept. The kstatus pair that
 * Flux, Argo CD and kstatus-based tools read is derived from the same verdict: {@code Reconciling}
 * True while Progressing or Recoverable, {@code Stalled} True while Terminal, each removed otherwise
 * (kstatus reads an absent condition as False).
 */
public final class ConditionPolicy {

  public static final String REASON_SYNCED = "Synced";
  public static final String REASON_RETRYING = "Retrying";
  public static final String REASON_ADOPTED = "Adopted";

  private ConditionPolicy() {}

  public static Conditions apply(Conditions conditions, Verdict verdict, Optional<String> adopted) {
    applyAck(conditions, verdict, adopted);
    if (verdict instanceof Verdict.Progressing progressing) {
      return conditions.remove(Conditions.STALLED)
          .set(Conditions.RECONCILING, Conditions.TRUE, progressing.reason(), progressing.message());
    }
    if (verdict instanceof Verdict.Recoverable recoverable) {
      return conditions.remove(Conditions.STALLED)
          .set(Conditions.RECONCILING, Conditions.TRUE, REASON_RETRYING, recoverable.message());
    }
    if (verdict instanceof Verdict.Terminal terminal) {
      return conditions.remove(Conditions.RECONCILING)
          .set(Conditions.STALLED, Conditions.TRUE, terminal.reason(), terminal.message());
    }
    return conditions.remove(Conditions.RECONCILING).remove(Conditions.STALLED);
  }

  private static Conditions applyAck(Conditions conditions, Verdict verdict, Optional<String> adopted) {
    adopted.ifPresent(what -> conditions.set(Conditions.ADOPTED, Conditions.TRUE, REASON_ADOPTED,
        "adopted the existing " + what));
    if (verdict instanceof Verdict.Synced) {
      return conditions.remove(Conditions.TERMINAL).remove(Conditions.RECOVERABLE).remove(Conditions.PROGRESSING)
          .set(Conditions.RESOURCE_SYNCED, Conditions.TRUE, REASON_SYNCED, "AWS matches the spec")
          .set(Conditions.READY, Conditions.TRUE, REASON_SYNCED, "AWS matches the spec");
    }
    if (verdict instanceof Verdict.Progressing progressing) {
      return conditions.remove(Conditions.TERMINAL).remove(Conditions.RECOVERABLE)
          .set(Conditions.PROGRESSING, Conditions.TRUE, progressing.reason(), progressing.message())
          .set(Conditions.RESOURCE_SYNCED, Conditions.FALSE, progressing.reason(), progressing.message())
          .set(Conditions.READY, Conditions.FALSE, progressing.reason(), progressing.message());
    }
    if (verdict instanceof Verdict.Recoverable recoverable) {
      return conditions.remove(Conditions.TERMINAL)
          .set(Conditions.RECOVERABLE, Conditions.TRUE, REASON_RETRYING, recoverable.message())
          .set(Conditions.RESOURCE_SYNCED, Conditions.UNKNOWN, REASON_RETRYING, recoverable.message())
          .set(Conditions.READY, Conditions.FALSE, REASON_RETRYING, recoverable.message());
    }
    Verdict.Terminal terminal = (Verdict.Terminal) verdict;
    return conditions.remove(Conditions.RECOVERABLE).remove(Conditions.PROGRESSING)
        .set(Conditions.TERMINAL, Conditions.TRUE, terminal.reason(), terminal.message())
        .set(Conditions.RESOURCE_SYNCED, Conditions.FALSE, terminal.reason(), "a human must act first: " + terminal.message())
        .set(Conditions.READY, Conditions.FALSE, terminal.reason(), terminal.message());
  }
}
