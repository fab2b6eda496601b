package dev.tap.operator.function;

import dev.tap.operator.workflow.SecretStore;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.naming.Ownership;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Lambda function of a ServerlessApi, its published versions and the environment's alias. Each
 * reconcile reads the function, its versions and alias, asks {@link FunctionDelta} for the one next
 * step and {@link FunctionSteps} takes it; Lambda's own busy states are waited for with reschedules.
 */
public final class FunctionDependent extends AwsDependent<FunctionOutcome> {

  public FunctionDependent() {
    super(FunctionOutcome.class);
  }

  /** The Lambda calls one pass makes at most: three reads and one change (two for a code update and its tag). */
  static final int CALLS_PER_PASS = 5;

  @Override
  protected FunctionOutcome sync(ServerlessApi api, AwsSession session) {
    session.admit(AwsServices.LAMBDA, CALLS_PER_PASS);
    FunctionService functions = new FunctionService(session.client(AwsServices.LAMBDA));
    String name = FunctionDesiredBuilder.name(api);
    Optional<ObservedFunction> observed = functions.observe(name, alias(api));
    String owner = OwnerTags.owner(api);
    // A key is taken from the function only when the function is ours.
    Optional<String> keyOnFunction = observed.filter(f -> Ownership.ours(f.tags(), owner))
        .map(f -> f.config().environment().get(PageTokenKey.VARIABLE));
    String previousAttempt = api.getStatus() == null || api.getStatus().getFunction() == null ? null
        : api.getStatus().getFunction().getLastUpdateAttempt();
    PageTokenKey.Resolved key = PageTokenKey.resolve(api, session.secrets(), keyOnFunction);
    if (key.missing() != null) {
      return new FunctionOutcome(observed.orElse(null), new FunctionAction.Blocked("SecretNotFound", key.missing()),
          previousAttempt);
    }
    DesiredFunction desired = FunctionDesiredBuilder.build(api, key.value());
    FunctionAction action = FunctionDelta.next(desired, observed, session.adoption(), previousAttempt);
    boolean updating = action instanceof FunctionAction.UpdateConfiguration || action instanceof FunctionAction.UpdateCode;
    FunctionOutcome outcome = new FunctionOutcome(observed.orElse(null), action,
        updating ? desired.updateDigest() : previousAttempt);
    report(session, outcome);
    return action.accept(new FunctionSteps(api, session, functions, desired, outcome));
  }

  /** Deletes the function with its versions and alias, when it is ours. */
  @Override
  protected void cleanup(ServerlessApi api, AwsSession session) {
    FunctionService functions = new FunctionService(session.client(AwsServices.LAMBDA));
    String name = FunctionDesiredBuilder.name(api);
    Optional<ObservedFunction> observed = functions.observe(name, alias(api));
    if (observed.isEmpty()) {
      return;
    }
    if (!Ownership.ours(observed.get().tags(), OwnerTags.owner(api))) {
      session.changed(api, "RetainedFunction", "function " + name + " is not owned by " + OwnerTags.owner(api)
          + "; left in place");
      return;
    }
    functions.delete(name);
    session.changed(api, "DeletedFunction", "deleted Lambda function " + name + " with its versions and alias");
  }

  @Override
  public List<InventoryItem> inventory(ServerlessApi api, AwsSession session) {
    String alias = alias(api);
    Optional<ObservedFunction> observed = new FunctionService(session.client(AwsServices.LAMBDA))
        .observe(FunctionDesiredBuilder.name(api), alias);
    if (observed.isEmpty()) {
      return List.of();
    }
    ObservedFunction function = observed.get();
    String routing = function.alias().map(a -> a.version() + a.weights().entrySet().stream()
        .map(w -> " + " + w.getKey() + " at " + Math.round(w.getValue() * 100) + "%").collect(Collectors.joining()))
        .orElse("(none)");
    List<String> versions = function.versions().stream().map(ObservedFunction.Version::number).toList();
    InventoryFunction item = new InventoryFunction(session.region(), function.name(), function.state(),
        function.lastUpdateStatus(), versions, alias, function.alias().map(ObservedFunction.Alias::version).orElse(null),
        function.alias().map(ObservedFunction.Alias::weights).orElse(Map.of()));
    return List.of(new InventoryItem("functions", item, List.of("function " + function.name() + " (" + session.region()
        + ")  " + function.state() + "  versions " + (versions.isEmpty() ? "(none)" : String.join(",", versions))
        + "  alias " + alias + " -> " + routing)));
  }

  private static String alias(ServerlessApi api) {
    return AwsNames.of(api).alias();
  }

  /** The function in the sandbox's JSON inventory: never its environment, which holds the page-token key. */
  public record InventoryFunction(String region, String name, String state, String lastUpdateStatus,
      List<String> versions, String alias, String aliasVersion, Map<String, Double> weights) {}
}
