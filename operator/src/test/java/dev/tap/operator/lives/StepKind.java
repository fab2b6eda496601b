package dev.tap.operator.lives;

/**
 * What a step of a random life does, and how often it is drawn: {@link #weight} out of 100. Edits
 * weigh most, since most of a resource's life is its spec changing; the disruptive kinds (crashes,
 * failovers, lost status) are rarer, as they are costlier to run and rarer in life.
 */
enum StepKind {
  CREATE(8, "create the resource, or create it again over what AWS kept"),
  EDIT(22, "a valid spec edit: any field that may change, in range"),
  INVALID_EDIT(6, "an edit the API server must refuse; nothing changes"),
  ANNOTATE(5, "an ACK annotation: deletion policy, adoption policy, or a region the spec overrides"),
  NEW_CODE(8, "new code: a new version rolled out"),
  PAUSE(3, "kubectl tap pause"),
  RESUME(3, "kubectl tap resume"),
  PROMOTE(3, "kubectl tap promote (a step, or all the way)"),
  ABORT(2, "kubectl tap abort"),
  RETRY(1, "kubectl tap retry"),
  AUTOSCALE(5, "Application Auto Scaling moves a table's or an index's capacity"),
  ALARM(5, "an alarm goes to ALARM, or back to OK"),
  FAULT(6, "AWS throttles, fails with 5xx, or slows down for a while"),
  CRASH_AFTER_AWS_CALL(4, "the operator crashes right after its k-th AWS call and restarts"),
  CRASH_AFTER_STATUS_WRITE(2, "the operator crashes right after its k-th status write and restarts"),
  RESTART_STATUS_LOST(2, "the operator restarts and the resource's status is lost"),
  FAILOVER(1, "a standby pod takes the Lease over from the leader"),
  DELETE(4, "delete the resource"),
  DELETE_MID_ROLLOUT(2, "new code, then delete while it rolls out"),
  TIME(8, "minutes pass");

  final int weight;
  final String description;

  StepKind(int weight, String description) {
    this.weight = weight;
    this.description = description;
  }
}
