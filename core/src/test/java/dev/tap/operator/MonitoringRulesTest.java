package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.aws.QuotaWaitException;
import dev.tap.operator.metrics.OperatorMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * deploy/monitoring: Prometheus's own promtool accepts its alert rules and the dashboard's queries, and
 * fires the alerts as their unit tests say (skipped where promtool could not be installed); the rules and
 * the Grafana dashboard query only metrics and label values the operator exports; kustomize renders the
 * dashboard for Grafana's sidecar, and deploy/ leaves all of it out.
 */
class MonitoringRulesTest {

  private static final Path MONITORING = Path.of("..", "deploy", "monitoring");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern LABEL_SETS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^\\]]*]");
  private static final Pattern GROUPINGS = Pattern.compile(
      "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  /** Possessive, so that "sum(" is not read as the name "su". */
  private static final Pattern NOT_A_CALL = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");
  private static final Pattern EQUALITY_MATCHER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  @TempDir
  Path dir;

  record Result(int exit, String output) {}

  @Test
  void promtool_accepts_every_rule() throws Exception {
    assumePromtool();

    Result check = run("promtool", "check", "rules", rulesFile().toString());

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + rules().size() + " rules found");
  }

  @Test
  void promtool_parses_every_dashboard_query() throws Exception {
    assumePromtool();
    List<String> queries = dashboardQueries();
    // As recording rules, so that promtool parses them; Grafana gives $__rate_interval a duration.
    List<Map<String, String>> records = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      records.add(Map.of("record", "dashboard_query_" + i, "expr", queries.get(i).replace("$__rate_interval", "5m")));
    }
    Path file = dir.resolve("dashboard.yaml");
    YAML.writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboard", "rules", records))));

    Result check = run("promtool", "check", "rules", file.toString());

    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + queries.size() + " rules found");
  }

  @Test
  void promtool_fires_the_alerts_as_their_unit_tests_expect() throws Exception {
    assumePromtool();
    rulesFile();
    Path tests = dir.resolve("prometheus-rule-test.yaml");
    try (InputStream in = getClass().getResourceAsStream("/monitoring/prometheus-rule-test.yaml")) {
      Files.copy(in, tests);
    }

    Result test = run("promtool", "test", "rules", tests.toString());

    assertThat(test.exit()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  @Test
  void the_rules_and_the_dashboard_query_only_metrics_and_labels_the_operator_exports() throws Exception {
    String scrape = exercisedMetrics().scrape();
    Set<String> exported = scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0]).collect(TreeSet::new, Set::add, Set::addAll);
    List<String> expressions = Stream.concat(rules().stream().map(rule -> rule.path("expr").asText()),
        dashboardQueries().stream()).toList();

    Set<String> queried = new TreeSet<>();
    for (String expression : expressions) {
      Set<String> names = metricNames(expression);
      assertThat(names).as(expression).isNotEmpty();
      assertThat(exported).as(expression).containsAll(names);
      queried.addAll(names);
      Matcher matcher = EQUALITY_MATCHER.matcher(expression);
      while (matcher.find()) {
        assertThat(scrape).as(expression).contains(matcher.group(1) + "=\"" + matcher.group(2) + "\"");
      }
    }
    assertThat(queried).containsExactly("tap_aws_calls_total", "tap_resource_state", "tap_rollout_phase",
        "tap_time_to_ready_seconds_bucket");
  }

  @Test
  void the_dashboard_shows_resources_rollouts_aws_calls_throttling_and_time_to_ready() throws Exception {
    assertThat(panels()).extracting(panel -> panel.path("title").asText()).containsExactly("Resources by state",
        "Rollouts by phase",
        "Rollout phase of each resource", "AWS calls by service and outcome", "AWS throttling by service",
        "Time to Ready");
    assertThat(panels()).allSatisfy(panel -> assertThat(panel.at("/targets/0/expr").asText()).isNotBlank());
  }

  @Test
  void kustomize_labels_the_dashboard_for_grafanas_sidecar_and_deploy_leaves_monitoring_out() throws Exception {
    assumeTrue(installed("kubectl", "version", "--client"), "kubectl is not installed");

    List<JsonNode> monitoring = kustomize("../deploy/monitoring");
    assertThat(monitoring).extracting(o -> o.path("kind").asText())
        .containsExactlyInAnyOrder("ConfigMap", "PodMonitor", "PrometheusRule");
    JsonNode dashboard = monitoring.stream().filter(o -> "ConfigMap".equals(o.path("kind").asText())).findFirst()
        .orElseThrow();
    assertThat(dashboard.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    assertThat(dashboard.at("/data/grafana-dashboard.json").asText())
        .isEqualTo(Files.readString(MONITORING.resolve("grafana-dashboard.json")));

    assertThat(kustomize("../deploy")).extracting(o -> o.path("apiVersion").asText())
        .noneMatch(apiVersion -> apiVersion.startsWith("monitoring.coreos.com/"));
  }

  /** A real registry that has seen each outcome the rules and dashboard filter on. */
  private static OperatorMetrics exercisedMetrics() {
    OperatorMetrics metrics = new OperatorMetrics();
    metrics.after(AwsServices.DYNAMODB, "us-east-1", "CreateTable");
    metrics.failed(AwsServices.DYNAMODB, "us-east-1", "UpdateTable", AwsServiceException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
        .build());
    metrics.failed(AwsServices.LAMBDA, "us-east-1", "GetFunction",
        new QuotaWaitException("GetFunction in 1 s", Duration.ofSeconds(1)));
    metrics.readyAfter(Duration.ofSeconds(40));
    metrics.rolloutPhase("prod/tap", "RolledBack");
    metrics.resourceState("prod/tap", "Stalled");
    return metrics;
  }

  /** The metric names of a PromQL expression: what is left once strings, label sets, ranges and groupings go. */
  private static Set<String> metricNames(String expression) {
    String bare = GROUPINGS.matcher(LABEL_SETS_AND_RANGES.matcher(QUOTED.matcher(expression).replaceAll(""))
        .replaceAll("")).replaceAll("");
    Set<String> names = new TreeSet<>();
    Matcher matcher = NOT_A_CALL.matcher(bare);
    while (matcher.find()) {
      if (!KEYWORDS.contains(matcher.group())) {
        names.add(matcher.group());
      }
    }
    return names;
  }

  private static List<JsonNode> rules() throws IOException {
    JsonNode rule = YAML.readTree(MONITORING.resolve("prometheus-rule.yaml").toFile());
    assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
    return StreamSupport.stream(rule.at("/spec/groups").spliterator(), false)
        .flatMap(group -> StreamSupport.stream(group.path("rules").spliterator(), false)).toList();
  }

  /** The PrometheusRule's groups as a plain Prometheus rules file, as promtool reads it. */
  private Path rulesFile() throws IOException {
    JsonNode rule = YAML.readTree(MONITORING.resolve("prometheus-rule.yaml").toFile());
    Path file = dir.resolve("rules.yaml");
    YAML.writeValue(file.toFile(), Map.of("groups", rule.at("/spec/groups")));
    return file;
  }

  private static List<JsonNode> panels() throws IOException {
    return StreamSupport.stream(JSON.readTree(MONITORING.resolve("grafana-dashboard.json").toFile()).path("panels")
        .spliterator(), false).toList();
  }

  private static List<String> dashboardQueries() throws IOException {
    return panels().stream().flatMap(panel -> StreamSupport.stream(panel.path("targets").spliterator(), false))
        .map(target -> target.path("expr").asText()).toList();
  }

  private static List<JsonNode> kustomize(String directory) throws Exception {
    Result rendered = run("kubectl", "kustomize", directory);
    assertThat(rendered.exit()).as(rendered.output()).isZero();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered.output())) {
      return documents.readAll();
    }
  }

  private static Result run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static void assumePromtool() {
    assumeTrue(installed("promtool", "--version"), "promtool is not installed (Debian's prometheus package)");
  }

  private static boolean installed(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
