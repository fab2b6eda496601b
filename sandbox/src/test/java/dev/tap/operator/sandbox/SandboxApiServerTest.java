package dev.tap.operator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.Samples;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's API server over HTTP, as kubectl and other clients reach it through the kubeconfig,
 * with the real operator and the simulated AWS behind it: what a real API server would not execute
 * never reaches the store.
 */
class SandboxApiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEV = "/apis/serverless.tap.dev/v1alpha1/namespaces/dev/serverlessapis";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dir;

  private static final StringWriter output = new StringWriter();
  private static final CountDownLatch stop = new CountDownLatch(1);
  private static CompletableFuture<Integer> sandbox;
  private static URI api;

  @BeforeAll
  static void serve() throws Exception {
    Path kubeconfig = dir.resolve("api.kubeconfig");
    Sandbox.Options options = new Sandbox.Options(List.of(Samples.DIRECTORY.resolve("dev.yaml")), Duration.ofSeconds(60),
        false, true, kubeconfig, Sandbox.ApiServer.EMBEDDED);
    sandbox = CompletableFuture.supplyAsync(() -> {
      try {
        return new Sandbox(options, new PrintWriter(output, true), Map.of()).run(stop);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(kubeconfig) && output.toString().contains("Serving"));
    String server = Files.readString(kubeconfig).lines().filter(l -> l.trim().startsWith("server:")).findFirst()
        .orElseThrow().trim().substring("server:".length()).trim();
    api = URI.create(server);
  }

  @AfterAll
  static void stop() throws Exception {
    stop.countDown();
    assertThat(sandbox.get()).isZero();
  }

  private static HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(String path) throws Exception {
    return JSON.readTree(call("GET", path, null, null).body());
  }

  private static HttpResponse<String> mergePatch(String path, String patch) throws Exception {
    HttpResponse<String> response = call("PATCH", path, "application/merge-patch+json", patch);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
    return response;
  }

  @Test
  void a_server_dry_run_stores_nothing_and_deletes_nothing() throws Exception {
    HttpResponse<String> delete = call("DELETE", DEV + "/tap", "application/json", "{\"kind\":\"DeleteOptions\","
        + "\"apiVersion\":\"v1\",\"dryRun\":[\"All\"],\"propagationPolicy\":\"Background\"}");
    ObjectNode other = Samples.with(Samples.load("dev.yaml"), "metadata.name", "other");
    HttpResponse<String> create = call("POST", DEV + "?dryRun=All", "application/json", other.toString());
    HttpResponse<String> patch = call("PATCH", DEV + "/tap?dryRun=All", "application/merge-patch+json",
        "{\"spec\":{\"table\":{\"readCapacity\":7}}}");

    assertThat(delete.statusCode()).isEqualTo(200);
    assertThat(create.statusCode()).isEqualTo(201);
    assertThat(patch.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(patch.body()).at("/spec/table/readCapacity").asInt()).isEqualTo(7);
    assertThat(get(DEV + "/tap").at("/metadata/deletionTimestamp").isMissingNode()).isTrue();
    assertThat(get(DEV + "/tap").at("/spec/table/readCapacity").asInt()).isEqualTo(1);
    assertThat(call("GET", DEV + "/other", null, null).statusCode()).isEqualTo(404);
    assertThat(output.toString()).doesNotContain("DeletedTable");
  }

  @Test
  void merge_patches_replace_lists_and_null_removes_as_rfc_7386_says_and_json_patches_apply() throws Exception {
    mergePatch(DEV + "/tap", "{\"spec\":{\"alarms\":{\"actions\":[\"arn:aws:sns:us-east-1:123456789012:a\"]}}}");
    mergePatch(DEV + "/tap", "{\"spec\":{\"alarms\":{\"actions\":[\"arn:aws:sns:us-east-1:123456789012:b\"]}}}");
    JsonNode indexes = get(DEV + "/tap").at("/spec/table/globalSecondaryIndexes");
    mergePatch(DEV + "/tap", "{\"spec\":{\"table\":{\"globalSecondaryIndexes\":" + indexes + "}}}");
    mergePatch(DEV + "/tap", "{\"spec\":{\"table\":{\"globalSecondaryIndexes\":" + indexes + "}}}");
    assertThat(call("PATCH", DEV + "/tap", "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/spec/alarms/actions\"},{\"op\":\"add\",\"path\":\"/spec/alarms/actions\","
            + "\"value\":[\"arn:aws:sns:us-east-1:123456789012:c\"]}]").statusCode()).isEqualTo(200);
    mergePatch(DEV + "/tap", "{\"spec\":{\"function\":{\"keepVersions\":null}}}");

    JsonNode tap = get(DEV + "/tap");
    assertThat(tap.at("/spec/alarms/actions").toString()).isEqualTo("[\"arn:aws:sns:us-east-1:123456789012:c\"]");
    assertThat(tap.at("/spec/table/globalSecondaryIndexes")).hasSize(1);
    assertThat(tap.at("/spec/function/keepVersions").isMissingNode()).isTrue();
    assertThat(call("PATCH", DEV + "/tap", "application/strategic-merge-patch+json", "{}").statusCode()).isEqualTo(415);
  }

  @Test
  void an_invalid_change_is_refused_with_422_and_the_fields_messages_and_changes_nothing() throws Exception {
    HttpResponse<String> bounds = mergePatch(DEV + "/tap", "{\"spec\":{\"table\":{\"readCapacity\":0}}}");
    HttpResponse<String> immutable = mergePatch(DEV + "/tap", "{\"spec\":{\"environment\":\"qa\"}}");

    assertThat(bounds.statusCode()).isEqualTo(422);
    JsonNode status = JSON.readTree(bounds.body());
    assertThat(status.path("reason").asText()).isEqualTo("Invalid");
    assertThat(status.path("message").asText()).isEqualTo("ServerlessApi.serverless.tap.dev \"tap\" is invalid: "
        + "spec.table.readCapacity: Invalid value: 0: must have a minimum value of 1.0");
    assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("spec.table.readCapacity");
    assertThat(immutable.statusCode()).isEqualTo(422);
    assertThat(immutable.body()).contains("spec.environment: Invalid value: \\\"qa\\\"", "immutable");
    assertThat(get(DEV + "/tap").at("/spec/environment").asText()).isEqualTo("dev");
  }

  @Test
  void unknown_fields_are_refused_when_strict_and_otherwise_pruned_with_or_without_a_warning() throws Exception {
    String typo = "{\"spec\":{\"table\":{\"readCapacityy\":5}}}";

    HttpResponse<String> strict = call("PATCH", DEV + "/tap?fieldValidation=Strict", "application/merge-patch+json", typo);
    HttpResponse<String> warn = mergePatch(DEV + "/tap", typo);
    HttpResponse<String> ignore = call("PATCH", DEV + "/tap?fieldValidation=Ignore", "application/merge-patch+json", typo);

    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(strict.body()).contains("strict decoding error: unknown field \\\"spec.table.readCapacityy\\\"");
    assertThat(warn.statusCode()).isEqualTo(200);
    assertThat(warn.headers().allValues("Warning")).singleElement().asString()
        .contains("unknown field \\\"spec.table.readCapacityy\\\"");
    assertThat(ignore.statusCode()).isEqualTo(200);
    assertThat(ignore.headers().allValues("Warning")).isEmpty();
    assertThat(get(DEV + "/tap").at("/spec/table").has("readCapacityy")).isFalse();
  }

  @Test
  void a_watch_streams_changes_of_the_named_resource_as_chunked_json_lines() throws Exception {
    String resourceVersion = get(DEV + "/tap").at("/metadata/resourceVersion").asText();
    HttpResponse<java.io.InputStream> watch = HTTP.send(HttpRequest.newBuilder(api.resolve(DEV
        + "?watch=true&fieldSelector=metadata.name%3Dtap&resourceVersion=" + resourceVersion + "&timeoutSeconds=20")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.body(), StandardCharsets.UTF_8))) {
      mergePatch(DEV + "/tap", "{\"metadata\":{\"labels\":{\"watched\":\"yes\"}}}");

      JsonNode event = JSON.readTree(lines.readLine());

      assertThat(watch.headers().firstValue("Transfer-Encoding")).contains("chunked");
      assertThat(event.path("type").asText()).isEqualTo("MODIFIED");
      assertThat(event.at("/object/metadata/name").asText()).isEqualTo("tap");
      assertThat(event.at("/object/metadata/labels/watched").asText()).isEqualTo("yes");
    }
  }

  @Test
  void events_are_found_by_the_field_selectors_kubectl_describe_sends() throws Exception {
    String uid = get(DEV + "/tap").at("/metadata/uid").asText();

    JsonNode mine = get("/api/v1/namespaces/dev/events?fieldSelector=involvedObject.name%3Dtap%2CinvolvedObject.uid%3D"
        + uid + "%2CinvolvedObject.kind%3DServerlessApi");
    JsonNode none = get("/api/v1/namespaces/dev/events?fieldSelector=involvedObject.name%3Dsomeone-else");

    assertThat(mine.path("kind").asText()).isEqualTo("EventList");
    assertThat(mine.path("items")).isNotEmpty().allSatisfy(e -> assertThat(e.at("/involvedObject/uid").asText()).isEqualTo(uid));
    assertThat(mine.path("items")).anySatisfy(e -> assertThat(e.path("reason").asText()).isEqualTo("CreatedTable"));
    assertThat(none.path("items")).isEmpty();
  }

  @Test
  void openapi_v3_documents_the_schema_and_server_side_field_validation() throws Exception {
    JsonNode root = get("/openapi/v3");
    String url = root.at("/paths/apis~1serverless.tap.dev~1v1alpha1/serverRelativeURL").asText();
    JsonNode document = get(url);

    JsonNode patch = document.at("/paths/~1apis~1serverless.tap.dev~1v1alpha1~1namespaces~1{namespace}~1serverlessapis~1{name}/patch");
    assertThat(patch.path("parameters")).anySatisfy(p -> assertThat(p.path("name").asText()).isEqualTo("fieldValidation"));
    assertThat(patch.at("/x-kubernetes-group-version-kind/kind").asText()).isEqualTo("ServerlessApi");
    assertThat(document.at("/components/schemas/dev.tap.serverless.v1alpha1.ServerlessApi/properties/spec/properties/table"))
        .isNotEmpty();
  }

  @Test
  void the_sandbox_api_sets_an_alarms_state_and_shows_the_simulated_aws() throws Exception {
    HttpResponse<String> set = call("PUT", "/sandbox/v1/alarms/tap-lambda-errors-dev", "application/json",
        "{\"state\": \"ALARM\", \"reason\": \"errors above threshold (test)\"}");
    JsonNode aws = get("/sandbox/v1/aws");

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(aws.at("/inventory/alarms")).anySatisfy(alarm -> {
      assertThat(alarm.path("name").asText()).isEqualTo("tap-lambda-errors-dev");
      assertThat(alarm.path("state").asText()).isEqualTo("ALARM");
    });
    assertThat(aws.at("/inventory/functions/0/name").asText()).isEqualTo("tap-api-dev");
    assertThat(aws.path("simulatedAwsCalls").path("monitoring:DescribeAlarms").asLong()).isPositive();
    assertThat(call("PUT", "/sandbox/v1/alarms/nothing", "application/json", "{\"state\": \"ALARM\"}").statusCode())
        .isEqualTo(404);
    assertThat(call("PUT", "/sandbox/v1/alarms/tap-lambda-errors-dev", "application/json", "{\"state\": \"RED\"}")
        .statusCode()).isEqualTo(400);
    // A state set by hand holds until the next evaluation (once a minute), as SetAlarmState's does; the
    // converged operator looks at its resync: set it again until it has looked.
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      if (get(DEV + "/tap").at("/status/alarms/0/state").asText().equals("ALARM")) {
        return true;
      }
      call("PUT", "/sandbox/v1/alarms/tap-lambda-errors-dev", "application/json", "{\"state\": \"ALARM\"}");
      return false;
    });
  }

  @Test
  void the_readmes_rollback_walk_through_shifts_a_canary_then_an_alarm_sends_the_traffic_back() throws Exception {
    String prod = "/apis/serverless.tap.dev/v1alpha1/namespaces/default/serverlessapis";
    ObjectNode resource = Samples.load("prod.yaml");
    assertThat(call("POST", prod, "application/json", resource.toString()).statusCode()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(60)).until(() -> "True".equals(ready(prod + "/tap").path("status").asText()));

    call("PATCH", prod + "/tap", "application/merge-patch+json",
        "{\"spec\":{\"function\":{\"code\":{\"s3Key\":\"handler/tap-handler-1.1.0.jar\"}}}}");
    await().atMost(Duration.ofSeconds(60)).until(() -> get(prod + "/tap").at("/status/function/serving").asText()
        .equals("1→2 (10%)"));
    assertThat(ready(prod + "/tap").path("reason").asText()).isEqualTo("RollingOut");
    call("PUT", "/sandbox/v1/alarms/tap-lambda-errors-prod", "application/json",
        "{\"state\": \"ALARM\", \"reason\": \"trying a rollback\"}");

    await().atMost(Duration.ofSeconds(60)).until(() -> "RolledBack".equals(ready(prod + "/tap").path("reason").asText()));
    assertThat(get(prod + "/tap").at("/status/function/serving").asText()).isEqualTo("1");
    assertThat(get(prod + "/tap").at("/status/rollout/alarm").asText()).isEqualTo("tap-lambda-errors-prod");
  }

  private static JsonNode ready(String path) throws Exception {
    for (JsonNode condition : get(path).at("/status/conditions")) {
      if ("Ready".equals(condition.path("type").asText())) {
        return condition;
      }
    }
    return JSON.createObjectNode();
  }
}
