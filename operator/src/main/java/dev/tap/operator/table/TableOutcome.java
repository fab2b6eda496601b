package dev.tap.operator.table;

/**
 * What the table dependent saw and did in this reconcile, for the readiness condition and the
 * status: the table as observed before the change (null when there was none), and the action.
 */
public record TableOutcome(ObservedTable observed, TableAction action) {

  public boolean inSync() {
    return action instanceof TableAction.InSync;
  }

  public boolean adopted() {
    return action instanceof TableAction.Tag tag && tag.adopting();
  }
}
