package dev.tap.operator.reconciler;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.events.ChangeRecorder;
import dev.tap.operator.workflow.SecretStore;
import dev.tap.operator.workflow.SharedReads;
import dev.tap.operator.workflow.Outcomes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Opens the AWS session of one reconcile or deletion: the clients, pacing, change record and clock every dependent shares. */
public final class AwsSessionFactory {

  private final AwsClients aws;
  private final ChangeRecorder changes;
  private final Clock clock;
  private final SecretStore secrets;
  private final AwsPacing pacing;
  private final List<String> dependents;
  private final UnaryOperator<URI> stages;
  private final SharedReads shared;

  /**
   * {@code aws} are paced by {@code pacing} already; a session only asks it whether a whole pass fits.
   * Account-wide reads are shared by every session for {@code accountReadsKeptFor} (a resync).
   */
  public AwsSessionFactory(AwsClients aws, ChangeRecorder changes, Clock clock, SecretStore secrets, AwsPacing pacing,
      List<String> dependents, UnaryOperator<URI> stages, Duration accountReadsKeptFor) {
    this.aws = aws;
    this.changes = changes;
    this.clock = clock;
    this.secrets = secrets;
    this.pacing = pacing;
    this.dependents = dependents;
    this.stages = stages;
    this.shared = new SharedReads(clock, accountReadsKeptFor);
  }

  /** The pacing every session's calls go through. */
  public AwsPacing pacing() {
    return pacing;
  }

  public AwsSession open(ServerlessApi resource, String region) {
    return new AwsSession(resource, region, aws, changes, AdoptionPolicy.of(resource), clock, new Outcomes(dependents),
        secrets, pacing, stages, shared);
  }
}
