package dev.tap.operator.workflow;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.aws.AwsClients;
import dev.tap.operator.aws.AwsPacing;
import dev.tap.operator.aws.AwsService;
import dev.tap.operator.events.ChangeRecorder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkClient;

/**
 * What the dependents of one reconcile share: the resource, its region and its clients (paced to the
 * account's quotas), where changes are told, the adoption policy, the clock every time-driven
 * decision reads, and the outcomes so far. The reconciler puts it in the workflow context.
 */
public final class AwsSession {

  private final ServerlessApi resource;
  private final String region;
  private final AwsClients clients;
  private final ChangeRecorder changes;
  private final AdoptionPolicy adoption;
  private final Clock clock;
  private final Outcomes outcomes;
  private final SecretStore secrets;
  private final AwsPacing pacing;
  private final UnaryOperator<URI> stages;
  private final SharedReads shared;
  private final Map<String, Object> reads = new ConcurrentHashMap<>();

  public AwsSession(ServerlessApi resource, String region, AwsClients clients, ChangeRecorder changes,
      AdoptionPolicy adoption, Clock clock, Outcomes outcomes, SecretStore secrets, AwsPacing pacing) {
    this(resource, region, clients, changes, adoption, clock, outcomes, secrets, pacing, UnaryOperator.identity(),
        new SharedReads(clock, Duration.ZERO));
  }

  /**
   * {@code stages} says where a stage's invoke URL is reached: itself on AWS, a loopback port in the served
   * sandbox. {@code shared}: the reads every session of the operator shares.
   */
  public AwsSession(ServerlessApi resource, String region, AwsClients clients, ChangeRecorder changes,
      AdoptionPolicy adoption, Clock clock, Outcomes outcomes, SecretStore secrets, AwsPacing pacing,
      UnaryOperator<URI> stages, SharedReads shared) {
    this.resource = resource;
    this.region = region;
    this.clients = clients;
    this.changes = changes;
    this.adoption = adoption;
    this.clock = clock;
    this.outcomes = outcomes;
    this.secrets = secrets;
    this.pacing = pacing;
    this.stages = stages;
    this.shared = shared;
  }

  /** Reads made once for every resource of the operator (account-wide, or of what AWS never changes). */
  public SharedReads shared() {
    return shared;
  }

  /** Where requests to the stage at {@code invokeUrl} are sent. */
  public URI stageAddress(URI invokeUrl) {
    return stages.apply(invokeUrl);
  }

  /** Goes on only when the account's quota has room for a whole pass of {@code calls} calls to {@code service}. */
  public void admit(AwsService<?> service, int calls) {
    pacing.admit(region, service, calls);
  }

  /** Goes on only when a call of {@code operation} could be sent now (see {@link AwsPacing#expect}). */
  public void expect(AwsService<?> service, String operation) {
    pacing.expect(region, service, operation);
  }

  /** Runs a dependent's pass with its calls made for it, so that a call a quota holds back waits its turn. */
  public <T> T pass(String dependent, Supplier<T> pass) {
    return pacing.onBehalfOf(resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName() + " "
        + dependent, pass);
  }

  /** The Kubernetes Secrets of the resource's namespace (the page-token key). */
  public SecretStore secrets() {
    return secrets;
  }

  public <C extends SdkClient> C client(AwsService<C> service) {
    return clients.client(service, region);
  }

  public void changed(ServerlessApi api, String reason, String message) {
    changes.awsChange(api, reason, message);
  }

  /** A read two dependents need in one pass (on deletion no outcomes exist): made once per session. */
  @SuppressWarnings("unchecked")
  public <T> T readOnce(String key, Supplier<T> read) {
    Object cached = reads.get(key);
    if (cached == null) {
      cached = read.get();
      reads.put(key, cached);
    }
    return (T) cached;
  }

  /** The resource as the dependents act on it (on deletion: as its AWS resources were created). */
  public ServerlessApi resource() {
    return resource;
  }

  public String region() {
    return region;
  }

  public AdoptionPolicy adoption() {
    return adoption;
  }

  public Clock clock() {
    return clock;
  }

  public Outcomes outcomes() {
    return outcomes;
  }
}
