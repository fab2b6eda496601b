package dev.tap.operator.restapi;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import dev.tap.operator.function.FunctionOutcome;
import dev.tap.operator.naming.AwsNames;
import dev.tap.operator.naming.OwnerTags;
import dev.tap.operator.naming.Ownership;
import dev.tap.operator.workflow.AwsDependent;
import dev.tap.operator.workflow.InventoryItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * The regional REST API in front of the function's alias: its definition (one OpenAPI document),
 * deployments only when that definition changes, the stage and its settings, and the alias's
 * permission for exactly this API. API Gateway lets names repeat, so "our" API is the one whose id
 * status records, else the one carrying our owner tag: never a second one after a crash.
 */
public final class RestApiDependent extends AwsDependent<RestApiOutcome> {

  public RestApiDependent() {
    super(RestApiOutcome.class);
  }

  /** A REST API of ours, or a same-named one to adopt, or why there is none to use. */
  private record Found(Optional<RestApi> api, RestApiAction.Blocked blocked, RestApi toAdopt) {
    Found(Optional<RestApi> api, RestApiAction.Blocked blocked) {
      this(api, blocked, null);
    }
  }

  /** API Gateway calls of a pass on the service-wide quota: GetRestApi, GetStage, GetDeployments, and a stage write. */
  static final int CALLS_PER_PASS = 4;

  @Override
  protected RestApiOutcome sync(ServerlessApi api, AwsSession session) {
    // Its reads come before any change: a pass cut off between them would come back and read again.
    session.admit(AwsServices.API_GATEWAY, CALLS_PER_PASS);
    AwsNames names = AwsNames.of(api);
    String stageName = AwsNames.stage(api);
    String functionArn = session.outcomes().find(FunctionOutcome.class).map(FunctionOutcome::observed)
        .map(f -> f.arn()).orElse(null);
    if (functionArn == null) {
      return new RestApiOutcome(null, new RestApiAction.Blocked("NoFunction", "the function does not exist yet"),
          session.region(), stageName);
    }
    String account = functionArn.split(":")[4];
    ApiDefinition definition = ApiDefinition.of(names.restApi(), session.region(), functionArn + ":" + names.alias());
    StageSettings settings = StageSettings.of(api.getSpec().getApi());
    RestApiService service = service(session);
    // Listing every API of the account (500 a page) is only worth it when a CreateRestApi can follow.
    Found found = find(api, service, session.adoption(), () -> {
      if (session.adoption().creates()) {
        session.expect(AwsServices.API_GATEWAY, "CreateRestApi");
      }
    });
    if (found.blocked() != null) {
      return new RestApiOutcome(null, found.blocked(), session.region(), stageName);
    }
    if (found.toAdopt() != null) {
      String id = found.toAdopt().id();
      service.tag(session.region(), id, OwnerTags.of(api));
      session.changed(api, "AdoptedRestApi", "REST API " + names.restApi() + " (" + id + "): tagged as owned by "
          + OwnerTags.owner(api));
      return new RestApiOutcome(new ObservedApi(id, OwnerTags.of(api), Optional.empty(), Optional.empty(),
          Optional.empty()), new RestApiAction.Adopt(id), session.region(), stageName);
    }
    Optional<ObservedApi> observed = found.api().map(rest -> new ObservedApi(rest.id(), rest.tags(),
        service.stage(rest.id(), stageName), Optional.empty(),
        settings.logs() ? Optional.of(service.accountLogsRole()) : Optional.empty()));
    String sourceArn = observed.map(o -> sourceArn(session.region(), account, o.id())).orElse(null);
    RestApiAction action = RestApiDelta.next(definition, settings, sourceArn, observed);
    if (action instanceof RestApiAction.Permit) {
      // The permission is the last step: read only once all before it is in place. It is a Lambda call, and
      // while a thousand functions are created, each pass would wait for the Lambda quota to read it.
      observed = observed.map(o -> o.withPermissionSourceArn(service.permissionSourceArn(names.function(), names.alias())));
      action = RestApiDelta.next(definition, settings, sourceArn, observed);
    }
    RestApiOutcome outcome = new RestApiOutcome(observed.orElse(null), action, session.region(), stageName);
    report(session, outcome);
    return action.accept(new RestApiSteps(api, session, service, names, definition, sourceArn, outcome));
  }

  /**
   * The API whose id status records, if it is still there and ours; else the one with our owner tag;
   * else a same-named one without any owner tag, adopted only when the adoption policy says so. An
   * API tagged for another owner is never ours.
   */
  private static Found find(ServerlessApi api, RestApiService service, AdoptionPolicy adoption, Runnable beforeListing) {
    String owner = OwnerTags.owner(api);
    String recorded = api.getStatus() == null || api.getStatus().getApi() == null ? null : api.getStatus().getApi().getId();
    if (recorded != null) {
      Optional<RestApi> byId = service.byId(recorded);
      Ownership ownership = Ownership.of(byId.map(RestApi::tags).orElse(null), owner, adoption);
      if (ownership.kind() == Ownership.Kind.OURS) {
        return new Found(byId, null);
      }
      if (ownership.kind() == Ownership.Kind.FOREIGN) {
        return new Found(Optional.empty(), new RestApiAction.Blocked("OwnedByAnother", "REST API " + recorded
            + " belongs to " + ownership.owner() + " (tag " + OwnerTags.OWNER + "), not to " + owner));
      }
    }
    beforeListing.run();
    List<RestApi> all = service.all();
    List<RestApi> tagged = all.stream().filter(a -> kind(a, owner, adoption) == Ownership.Kind.OURS).toList();
    if (tagged.size() > 1) {
      return new Found(Optional.empty(), new RestApiAction.Blocked("DuplicateApis", "REST APIs "
          + tagged.stream().map(RestApi::id).collect(Collectors.joining(" and ")) + " both carry " + OwnerTags.OWNER
          + "=" + owner + "; delete the one that should not serve this resource"));
    }
    if (!tagged.isEmpty()) {
      return new Found(tagged.stream().findFirst(), null);
    }
    String name = AwsNames.of(api).restApi();
    // The adoption policy is the same for all, so the same-named APIs without a tag are all of one kind.
    Map<Ownership.Kind, List<RestApi>> sameName = all.stream().filter(a -> name.equals(a.name()))
        .collect(Collectors.groupingBy(a -> kind(a, owner, adoption)));
    List<RestApi> untagged = sameName.getOrDefault(Ownership.Kind.UNTAGGED, List.of());
    if (!untagged.isEmpty()) {
      return new Found(Optional.empty(), new RestApiAction.Blocked("NotOwned", "REST API " + name + " (" + ids(untagged)
          + ") exists without the tag " + OwnerTags.OWNER + "=" + owner + "; it is left alone. To take it over,"
          + " annotate services.k8s.aws/adoption-policy: adopt"));
    }
    List<RestApi> adoptable = sameName.getOrDefault(Ownership.Kind.ADOPTABLE, List.of());
    if (adoptable.size() > 1) {
      return new Found(Optional.empty(), new RestApiAction.Blocked("AmbiguousAdoption", "REST APIs " + ids(adoptable)
          + " are all named " + name + "; delete all but the one to adopt"));
    }
    if (adoptable.isEmpty() && !adoption.creates()) {
      return new Found(Optional.empty(), new RestApiAction.Blocked("NothingToAdopt", "REST API " + name + " does not"
          + " exist, and the adoption policy 'adopt' only takes over existing resources; use"
          + " services.k8s.aws/adoption-policy: adopt-or-create to create it"));
    }
    return new Found(Optional.empty(), null, adoptable.isEmpty() ? null : adoptable.get(0));
  }

  private static Ownership.Kind kind(RestApi rest, String owner, AdoptionPolicy adoption) {
    return Ownership.of(rest.tags(), owner, adoption).kind();
  }

  private static String ids(List<RestApi> apis) {
    return apis.stream().map(RestApi::id).collect(Collectors.joining(", "));
  }

  @Override
  protected void cleanup(ServerlessApi api, AwsSession session) {
    RestApiService service = service(session);
    find(api, service, AdoptionPolicy.NONE, () -> { }).api().ifPresent(rest -> {
      service.delete(rest.id());
      session.changed(api, "DeletedRestApi", "deleted REST API " + rest.id() + " with its stage and deployments");
    });
  }

  @Override
  public List<InventoryItem> inventory(ServerlessApi api, AwsSession session) {
    RestApiService service = service(session);
    Found found = find(api, service, AdoptionPolicy.NONE, () -> { });
    if (found.api().isEmpty()) {
      return List.of();
    }
    String id = found.api().get().id();
    String stageName = AwsNames.stage(api);
    String url = RestApiOutcome.invokeUrl(id, session.region(), stageName);
    var stage = service.stage(id, stageName);
    String settings = stage.map(s -> "rate " + s.settings().rateLimit() + " burst " + s.settings().burstLimit()
        + " logging " + s.settings().loggingLevel() + " metrics " + s.settings().metrics() + " tracing "
        + s.settings().tracing()).orElse("no stage");
    return List.of(new InventoryItem("apis", Map.of("id", id, "stage", stageName, "invokeUrl", url, "settings", settings),
        List.of("REST API " + id + " (" + session.region() + ")  stage " + stageName + "  " + settings + "  " + url)));
  }

  private static RestApiService service(AwsSession session) {
    return new RestApiService(session.client(AwsServices.API_GATEWAY), session.client(AwsServices.LAMBDA),
        session.shared(), session.region());
  }

  private static String sourceArn(String region, String account, String apiId) {
    return "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + "/*";
  }
}
