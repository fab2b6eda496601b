package dev.tap.operator.aws.simulated.lambda;

import dev.tap.operator.aws.simulated.AwsErrors;
import dev.tap.operator.aws.simulated.Deadlines;
import dev.tap.operator.aws.simulated.SimulatedAws;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Lambda's control plane for one region, as the Lambda API Reference and the developer guide's
 * "function states" and "versions" pages describe it: functions go Pending → Active, updates
 * InProgress → Successful (or Failed), and Lambda refuses another change while either is in flight;
 * PublishVersion snapshots $LATEST as the next number, or returns the latest version when nothing
 * changed; a SnapStart version is Pending until its snapshot is ready; an alias points at one version
 * and may route a weight to one more published version with the same role and dead-letter settings.
 * Invoke runs the version its qualifier names through a {@link FunctionInvoker}, when one is plugged in.
 * {@link SimulatedLambda} maps SDK requests and responses onto it.
 */
public final class LambdaState {

  private static final String SERVICE = SimulatedAws.LAMBDA;
  static final String LATEST = "$LATEST";
  /** FunctionName as a name: 1-64 characters. */
  private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
  /** Alias Name: 1-128 characters, not only digits. */
  private static final Pattern ALIAS = Pattern.compile("^(?!^[0-9]+$)[a-zA-Z0-9_-]{1,128}$");
  private static final Pattern ROLE = Pattern.compile("^arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-/]+$");
  private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");
  private static final Set<String> SNAPSTART_RUNTIMES = Set.of("java11", "java17", "java21");
  /** "The total size of the environment variables doesn't exceed 4 KB." */
  private static final int MAX_ENVIRONMENT_BYTES = 4096;
  /** Invoke's answer while nothing runs code: a function error, so that the caller sees why. */
  private static final FunctionInvoker.Outcome NO_CODE = new FunctionInvoker.Outcome("{\"errorType\":\"Simulated\","
      + "\"errorMessage\":\"the simulated Lambda runs no code: start the sandbox with --serve\"}", true);

  private final String region;
  private final SimulatedAws aws;
  private final Map<String, Function> functions = new TreeMap<>();
  /** The functions with a state, an update or a version in flight, by when it settles: all that settling looks at. */
  private final Deadlines<Function> changing = new Deadlines<>();
  private final Set<String> unassumableRoles = new java.util.HashSet<>();
  /** Draws a weighted alias's version for each invocation. */
  private final Random draws = new Random();
  private volatile FunctionInvoker invoker;

  LambdaState(String region, SimulatedAws aws) {
    this.region = region;
    this.aws = aws;
  }

  /** A published version: a snapshot of $LATEST. */
  static final class Version {
    final String number;
    final FunctionSettings settings;
    final String codeSha256;
    final String description;
    final Instant published;
    String state;
    Instant settlesAt;

    Version(String number, FunctionSettings settings, String codeSha256, String description, Instant published) {
      this.number = number;
      this.settings = settings;
      this.codeSha256 = codeSha256;
      this.description = description;
      this.published = published;
    }
  }

  /** An alias: its version and, while traffic shifts, one more version and its weight. */
  static final class Alias {
    final String name;
    String functionVersion;
    Map<String, Double> weights = Map.of();
    String description;
    String revisionId = UUID.randomUUID().toString();

    Alias(String name) {
      this.name = name;
    }
  }

  /** One function: $LATEST, its states, its versions, aliases, policy and tags. */
  static final class Function {
    final String name;
    final String arn;
    FunctionSettings settings;
    String codeSha256;
    String state = "Pending";
    Instant stateSettlesAt;
    String lastUpdateStatus;
    String lastUpdateStatusReason;
    Instant updateSettlesAt;
    String failNextUpdate;
    /** What $LATEST held before the update in flight: a failed update is abandoned and this stays. */
    FunctionSettings settingsBeforeUpdate;
    String codeSha256BeforeUpdate;
    String revisionId = UUID.randomUUID().toString();
    Instant lastModified;
    int lastVersion;
    final Map<String, Version> versions = new LinkedHashMap<>();
    final Map<String, Alias> aliases = new TreeMap<>();
    final Map<String, Map<String, String>> policies = new TreeMap<>();
    final Map<String, String> tags = new TreeMap<>();

    Function(String name, String arn) {
      this.name = name;
      this.arn = arn;
    }
  }

  // ---- CreateFunction: the function is Pending until it is ready to run. ------------------------

  synchronized Function create(String name, FunctionSettings settings, Map<String, String> tags) {
    settle();
    checkName(name);
    if (functions.containsKey(name)) {
      throw conflict("Function already exist: " + name);
    }
    validate(settings);
    Function function = new Function(name, "arn:aws:lambda:" + region + ":" + SimulatedAws.ACCOUNT_ID + ":function:" + name);
    function.settings = settings;
    function.codeSha256 = CodeSha256.of(settings.codeLocation());
    function.lastModified = aws.clock().instant();
    function.stateSettlesAt = settlesAt();
    changing.add(function, function.stateSettlesAt);
    function.tags.putAll(tags);
    functions.put(name, function);
    return function;
  }

  synchronized Function function(String nameOrArn) {
    settle();
    return existing(nameOrArn);
  }

  /** $LATEST or a published version's settings, state and digest, as GetFunctionConfiguration describes them. */
  synchronized Optional<Version> version(String nameOrArn, String qualifier) {
    settle();
    Function function = existing(nameOrArn);
    if (qualifier == null || LATEST.equals(qualifier)) {
      return Optional.empty();
    }
    Alias alias = function.aliases.get(qualifier);
    String number = alias != null ? alias.functionVersion : qualifier;
    Version version = function.versions.get(number);
    if (version == null && !LATEST.equals(number)) {
      throw notFound("Function not found: " + function.arn + ":" + qualifier);
    }
    return Optional.ofNullable(version);
  }

  // ---- UpdateFunctionConfiguration, UpdateFunctionCode: one change in flight at a time. ----------

  synchronized Function update(String nameOrArn, FunctionSettings settings, String revisionId) {
    settle();
    Function function = existing(nameOrArn);
    checkNotBusy(function);
    checkRevision(function.revisionId, revisionId);
    validate(settings);
    function.settingsBeforeUpdate = function.settings;
    function.codeSha256BeforeUpdate = function.codeSha256;
    function.settings = settings;
    function.codeSha256 = CodeSha256.of(settings.codeLocation());
    function.lastModified = aws.clock().instant();
    function.revisionId = UUID.randomUUID().toString();
    function.lastUpdateStatus = "InProgress";
    function.lastUpdateStatusReason = null;
    function.updateSettlesAt = settlesAt();
    changing.add(function, function.updateSettlesAt);
    return function;
  }

  // ---- PublishVersion: the next number, or the latest version when nothing changed. -------------

  synchronized Version publish(String nameOrArn, String codeSha256, String revisionId, String description) {
    settle();
    Function function = existing(nameOrArn);
    checkNotBusy(function);
    checkRevision(function.revisionId, revisionId);
    if (codeSha256 != null && !codeSha256.equals(function.codeSha256)) {
      throw precondition("CodeSHA256 (" + codeSha256 + ") is different from current CodeSHA256 in $LATEST ("
          + function.codeSha256 + "). Please try again with the CodeSHA256 in $LATEST.");
    }
    Version latest = function.versions.get(Integer.toString(function.lastVersion));
    if (latest != null && latest.settings.equals(function.settings) && latest.codeSha256.equals(function.codeSha256)) {
      return latest;
    }
    function.lastVersion++;
    Version version = new Version(Integer.toString(function.lastVersion), function.settings, function.codeSha256,
        description, aws.clock().instant());
    boolean snapStart = "PublishedVersions".equals(function.settings.snapStart());
    version.state = snapStart ? "Pending" : "Active";
    version.settlesAt = snapStart ? settlesAt() : null;
    if (snapStart) {
      changing.add(function, version.settlesAt);
    }
    function.versions.put(version.number, version);
    return version;
  }

  synchronized List<Version> versions(String nameOrArn) {
    settle();
    return List.copyOf(existing(nameOrArn).versions.values());
  }

  // ---- DeleteFunction: a version an alias routes to cannot go; without a qualifier, all goes. ---

  synchronized void delete(String nameOrArn, String qualifier) {
    settle();
    Function function = existing(nameOrArn);
    if (qualifier == null) {
      functions.remove(function.name);
      return;
    }
    if (LATEST.equals(qualifier)) {
      throw invalid("$LATEST version cannot be deleted without deleting the function.");
    }
    if (!function.versions.containsKey(qualifier)) {
      throw notFound("Function not found: " + function.arn + ":" + qualifier);
    }
    List<String> referencing = function.aliases.values().stream()
        .filter(a -> qualifier.equals(a.functionVersion) || a.weights.containsKey(qualifier)).map(a -> a.name).toList();
    if (!referencing.isEmpty()) {
      throw conflict("Unable to delete version because the following aliases reference it: " + referencing);
    }
    function.versions.remove(qualifier);
  }

  // ---- Aliases: a published version (or $LATEST without routing), one more weighted version. ----

  synchronized Alias putAlias(String nameOrArn, String aliasName, boolean create, String functionVersion,
      Map<String, Double> weights, String description, String revisionId) {
    settle();
    Function function = existing(nameOrArn);
    if (!ALIAS.matcher(aliasName == null ? "" : aliasName).matches()) {
      throw invalid("1 validation error detected: Value '" + aliasName + "' at 'name' failed to satisfy constraint");
    }
    Alias alias = function.aliases.get(aliasName);
    if (create && alias != null) {
      throw conflict("Alias already exists: " + function.arn + ":" + aliasName);
    }
    if (!create && alias == null) {
      throw notFound("Alias not found: " + function.arn + ":" + aliasName);
    }
    if (!create) {
      checkRevision(alias.revisionId, revisionId);
    }
    String primary = functionVersion != null ? functionVersion : alias.functionVersion;
    Map<String, Double> routing = weights != null ? Map.copyOf(weights) : alias == null ? Map.of() : alias.weights;
    checkRouting(function, primary, routing);
    Alias changed = alias != null ? alias : new Alias(aliasName);
    changed.functionVersion = primary;
    changed.weights = routing;
    if (description != null) {
      changed.description = description;
    }
    changed.revisionId = UUID.randomUUID().toString();
    function.aliases.put(aliasName, changed);
    return changed;
  }

  synchronized Alias alias(String nameOrArn, String aliasName) {
    settle();
    Function function = existing(nameOrArn);
    Alias alias = function.aliases.get(aliasName);
    if (alias == null) {
      throw notFound("Alias not found: " + function.arn + ":" + aliasName);
    }
    return alias;
  }

  synchronized void deleteAlias(String nameOrArn, String aliasName) {
    settle();
    existing(nameOrArn).aliases.remove(aliasName);
  }

  // ---- Invoke: the version a qualifier names, an alias's drawn by its weights; code runs unlocked. ----

  /** What one invocation runs: the function, the version ({@code $LATEST} or a number) and its settings. */
  record Invocation(String function, String version, FunctionSettings settings) {}

  /**
   * The version {@code qualifier} (a version, an alias, {@code $LATEST} or none) invokes; a Pending function or
   * version refuses invocations, as the function-states page says.
   */
  synchronized Invocation invocation(String nameOrArn, String qualifier) {
    settle();
    Function function = existing(nameOrArn);
    Alias alias = qualifier == null ? null : function.aliases.get(qualifier);
    String number = alias != null ? new Routing(alias.functionVersion, alias.weights).pick(draws::nextDouble)
        : qualifier == null ? LATEST : qualifier;
    if (LATEST.equals(number)) {
      checkNotPending(function.state);
      return new Invocation(function.name, LATEST, function.settings);
    }
    Version version = function.versions.get(number);
    if (version == null) {
      throw notFound("Function not found: " + function.arn + ":" + qualifier);
    }
    checkNotPending(version.state);
    return new Invocation(function.name, version.number, version.settings);
  }

  /**
   * Runs an invocation's code; not under the state's lock, since code may run for its whole timeout while
   * Lambda's other calls go on.
   */
  FunctionInvoker.Outcome run(Invocation invocation, String payload) {
    FunctionInvoker current = invoker;
    return current == null ? NO_CODE
        : current.invoke(region, invocation.function(), invocation.version(), invocation.settings(), payload);
  }

  // ---- Resource-based policy: statement ids are unique per function or qualifier. --------------

  synchronized void addPermission(String nameOrArn, String qualifier, String statementId, String statement) {
    settle();
    Function function = existing(nameOrArn);
    Map<String, String> policy = function.policies.computeIfAbsent(qualifier == null ? LATEST : qualifier, q -> new LinkedHashMap<>());
    if (policy.containsKey(statementId)) {
      throw conflict("The statement id (" + statementId + ") provided already exists. Please provide a new statement id,"
          + " or remove the existing statement.");
    }
    policy.put(statementId, statement);
  }

  synchronized void removePermission(String nameOrArn, String qualifier, String statementId) {
    settle();
    Map<String, String> policy = existing(nameOrArn).policies.get(qualifier == null ? LATEST : qualifier);
    if (policy == null || policy.remove(statementId) == null) {
      throw notFound("Statement " + statementId + " is not found in resource policy.");
    }
  }

  /** The statements of a function's or qualifier's policy; ResourceNotFound when there are none, as GetPolicy answers. */
  synchronized Map<String, String> policy(String nameOrArn, String qualifier) {
    settle();
    Map<String, String> policy = existing(nameOrArn).policies.get(qualifier == null ? LATEST : qualifier);
    if (policy == null || policy.isEmpty()) {
      throw notFound("The resource you requested does not exist.");
    }
    return Map.copyOf(policy);
  }

  // ---- Tags, on the unqualified function ARN. ---------------------------------------------------

  synchronized void tag(String arn, Map<String, String> tags) {
    existing(arn).tags.putAll(tags);
  }

  synchronized void untag(String arn, List<String> keys) {
    existing(arn).tags.keySet().removeAll(keys);
  }

  synchronized Map<String, String> tags(String arn) {
    return Map.copyOf(existing(arn).tags);
  }

  // ---- test controls: no call counted ----------------------------------------------------------

  /** The next update of the function fails, as Lambda reports a failed update (bad image, KMS, …). */
  public synchronized void failNextUpdate(String name, String reason) {
    existing(name).failNextUpdate = reason;
  }

  /** Lambda cannot assume this role: creating or updating a function with it is refused. */
  public synchronized void denyRole(String roleArn) {
    unassumableRoles.add(roleArn);
  }

  /** What runs the code Invoke runs; {@code null}: nothing does, and Invoke answers a function error saying so. */
  public void invoker(FunctionInvoker invoker) {
    this.invoker = invoker;
  }

  /**
   * Where an invocation of {@code function}:{@code qualifier} goes, as Lambda's data plane resolves it, no
   * call counted: an alias's version and its additional weights, or a version itself. Empty when nothing
   * by that name exists.
   */
  public synchronized Optional<Routing> peekRouting(String function, String qualifier) {
    Function found = functions.get(String.valueOf(nameOf(function)));
    if (found == null) {
      return Optional.empty();
    }
    Alias alias = found.aliases.get(qualifier);
    if (alias != null) {
      return Optional.of(new Routing(alias.functionVersion, alias.weights));
    }
    return found.versions.containsKey(qualifier) ? Optional.of(new Routing(qualifier, Map.of())) : Optional.empty();
  }

  /** A published version's settings, no call counted. */
  public synchronized Optional<FunctionSettings> peekVersion(String function, String version) {
    return Optional.ofNullable(functions.get(String.valueOf(nameOf(function)))).map(f -> f.versions.get(version)).map(v -> v.settings);
  }

  /** An invocation's target: a version, and one more version with the share of invocations it takes. */
  public record Routing(String version, Map<String, Double> additionalWeights) {
    public Routing {
      additionalWeights = Map.copyOf(additionalWeights);
    }

    /**
     * The version for one invocation, drawn as Lambda draws it: each additional version with its weight's
     * chance, the alias's own version otherwise. {@code random} gives a uniform number in [0, 1).
     */
    public String pick(DoubleSupplier random) {
      double draw = random.getAsDouble();
      double upTo = 0;
      for (Map.Entry<String, Double> additional : additionalWeights.entrySet()) {
        upTo += additional.getValue();
        if (draw < upTo) {
          return additional.getKey();
        }
      }
      return version;
    }
  }

  /**
   * A function as an auditor sees it, no call counted: its tags, $LATEST's settings, the published
   * versions in order, each alias's routing, and the statement ids of each qualifier's policy.
   */
  public record PeekedFunction(String name, Map<String, String> tags, FunctionSettings latest, List<String> versions,
      Map<String, Routing> aliases, Map<String, List<String>> statementIds) {}

  public synchronized Optional<PeekedFunction> peekFunction(String name) {
    Function function = functions.get(name);
    if (function == null) {
      return Optional.empty();
    }
    Map<String, Routing> aliases = new TreeMap<>();
    function.aliases.forEach((alias, a) -> aliases.put(alias, new Routing(a.functionVersion, a.weights)));
    Map<String, List<String>> statements = new TreeMap<>();
    function.policies.forEach((qualifier, policy) -> statements.put(qualifier, List.copyOf(policy.keySet())));
    return Optional.of(new PeekedFunction(name, Map.copyOf(function.tags), function.settings,
        List.copyOf(function.versions.keySet()), aliases, statements));
  }

  public synchronized List<String> peekFunctionNames() {
    return List.copyOf(functions.keySet());
  }

  // ---- the state machine -------------------------------------------------------------------------

  private Instant settlesAt() {
    return aws.clock().instant().plus(aws.changeDelay());
  }

  /** Settles what is due of the functions with something in flight; one deleted since has nothing left to settle. */
  private void settle() {
    Instant now = aws.clock().instant();
    for (Function function : changing.due(now)) {
      if (functions.get(function.name) == function) {
        settle(function, now);
      }
    }
  }

  private static void settle(Function function, Instant now) {
    if ("Pending".equals(function.state) && !now.isBefore(function.stateSettlesAt)) {
      function.state = "Active";
    }
    if ("InProgress".equals(function.lastUpdateStatus) && !now.isBefore(function.updateSettlesAt)) {
      if (function.failNextUpdate != null) {
        // "Lambda aborts the update and the function's previous code and configuration remain available."
        function.settings = function.settingsBeforeUpdate;
        function.codeSha256 = function.codeSha256BeforeUpdate;
        function.lastUpdateStatus = "Failed";
        function.lastUpdateStatusReason = function.failNextUpdate;
        function.failNextUpdate = null;
      } else {
        function.lastUpdateStatus = "Successful";
      }
    }
    function.versions.values().stream().filter(v -> "Pending".equals(v.state) && !now.isBefore(v.settlesAt))
        .forEach(v -> v.state = "Active");
  }

  // ---- rules shared by the operations ------------------------------------------------------------

  private void checkNotBusy(Function function) {
    checkNotPending(function.state);
    if ("InProgress".equals(function.lastUpdateStatus)) {
      throw conflict("The operation cannot be performed at this time. An update is in progress for resource: "
          + function.arn);
    }
  }

  private static void checkNotPending(String state) {
    if ("Pending".equals(state)) {
      throw conflict("The operation cannot be performed at this time. The function is currently in the following"
          + " state: Pending");
    }
  }

  private static void checkRevision(String current, String expected) {
    if (expected != null && !expected.equals(current)) {
      throw precondition("The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias"
          + " API to retrieve the latest Revision Id");
    }
  }

  private void checkRouting(Function function, String primary, Map<String, Double> weights) {
    if (!LATEST.equals(primary) && !function.versions.containsKey(primary)) {
      throw notFound("Function not found: " + function.arn + ":" + primary);
    }
    if (weights.isEmpty()) {
      return;
    }
    if (weights.size() > 1) {
      throw invalid("RoutingConfig: only one additional version can be specified");
    }
    if (LATEST.equals(primary)) {
      throw invalid("RoutingConfig is not supported for an alias pointing to $LATEST");
    }
    Map.Entry<String, Double> additional = weights.entrySet().iterator().next();
    Version extra = function.versions.get(additional.getKey());
    if (extra == null) {
      throw invalid("RoutingConfig: version " + additional.getKey() + " is not a published version");
    }
    if (additional.getKey().equals(primary)) {
      throw invalid("RoutingConfig: the additional version must differ from the alias's version");
    }
    double weight = additional.getValue();
    if (weight < 0.0 || weight > 1.0) {
      throw invalid("RoutingConfig: the weight must be between 0.0 and 1.0, not " + weight);
    }
    FunctionSettings main = function.versions.get(primary).settings;
    if (!main.role().equals(extra.settings.role()) || !java.util.Objects.equals(main.deadLetterTarget(),
        extra.settings.deadLetterTarget())) {
      throw invalid("RoutingConfig: both versions of an alias must have the same execution role and dead-letter queue");
    }
  }

  private void validate(FunctionSettings settings) {
    if (settings.role() == null || !ROLE.matcher(settings.role()).matches()) {
      throw invalid("1 validation error detected: Value '" + settings.role() + "' at 'role' failed to satisfy constraint:"
          + " Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    }
    if (unassumableRoles.contains(settings.role())) {
      throw invalid("The role defined for the function cannot be assumed by Lambda.");
    }
    if (settings.memorySize() < 128 || settings.memorySize() > 10240) {
      throw invalid("'MemorySize' value failed to satisfy constraint: Member must have value between 128 and 10240");
    }
    if (settings.timeout() < 1 || settings.timeout() > 900) {
      throw invalid("'Timeout' value failed to satisfy constraint: Member must have value between 1 and 900");
    }
    if (!ARCHITECTURES.contains(settings.architecture())) {
      throw invalid("'Architectures' must hold exactly one of " + ARCHITECTURES);
    }
    int environmentBytes = settings.environment().entrySet().stream()
        .mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length)
        .sum();
    if (environmentBytes > MAX_ENVIRONMENT_BYTES) {
      throw invalid("Lambda was unable to configure your environment variables because the environment variables you"
          + " have provided exceeded the 4KB limit.");
    }
    if ("PublishedVersions".equals(settings.snapStart()) && !SNAPSTART_RUNTIMES.contains(settings.runtime())) {
      throw invalid("SnapStart is not supported for runtime " + settings.runtime());
    }
    boolean zip = settings.s3Bucket() != null && settings.s3Key() != null;
    if (zip == (settings.imageUri() != null)) {
      throw invalid("Please provide either S3Bucket and S3Key, or ImageUri, as the function's code");
    }
    if (zip && (settings.runtime() == null || settings.handler() == null)) {
      throw invalid("Runtime and Handler are required for a .zip file archive");
    }
  }

  private Function existing(String nameOrArn) {
    String name = nameOf(nameOrArn);
    Function function = name == null ? null : functions.get(name);
    if (function == null) {
      throw notFound("Function not found: arn:aws:lambda:" + region + ":" + SimulatedAws.ACCOUNT_ID + ":function:" + name);
    }
    return function;
  }

  /** A function's name, from its name or its ARN. */
  private static String nameOf(String nameOrArn) {
    if (nameOrArn != null && nameOrArn.startsWith("arn:")) {
      String[] parts = nameOrArn.split(":");
      return parts.length > 6 ? parts[6] : null;
    }
    return nameOrArn;
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw invalid("1 validation error detected: Value '" + name + "' at 'functionName' failed to satisfy constraint");
    }
  }

  private static AwsServiceException invalid(String message) {
    return AwsErrors.build(InvalidParameterValueException.builder(), SERVICE, "InvalidParameterValueException", 400, message);
  }

  private static AwsServiceException conflict(String message) {
    return AwsErrors.build(ResourceConflictException.builder(), SERVICE, "ResourceConflictException", 409, message);
  }

  private static AwsServiceException notFound(String message) {
    return AwsErrors.build(ResourceNotFoundException.builder(), SERVICE, "ResourceNotFoundException", 404, message);
  }

  private static AwsServiceException precondition(String message) {
    return AwsErrors.build(PreconditionFailedException.builder(), SERVICE, "PreconditionFailedException", 412, message);
  }
}
