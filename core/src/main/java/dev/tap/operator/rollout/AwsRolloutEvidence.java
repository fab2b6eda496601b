package dev.tap.operator.rollout;

import dev.tap.operator.api.v1alpha1.CheckResult;
import dev.tap.operator.api.v1alpha1.TrafficCheck;
import dev.tap.operator.aws.AwsServices;
import dev.tap.operator.workflow.AwsSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Gathers a rollout's evidence from AWS: one GetMetricData call (invocations, errors and p99 Duration of
 * the new version through the alias, one period spanning the step) per gate judgement; per traffic check,
 * one Lambda Invoke on the new version before any shift, one HTTP request through the stage after the last.
 */
final class AwsRolloutEvidence implements RolloutEvidence {

  /** A check's request gets this long, as API Gateway gives an integration 29 s. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(29);

  /** Made with the first post-traffic check: an HTTP client starts a selector thread, which most operators never need. */
  private static final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private final AwsSession session;
  private final String function;
  private final String alias;
  private final String target;
  private final String stage;
  private final URI stageUrl;
  private final List<TrafficCheck> checks;
  private final Set<TrafficPhase> checked = EnumSet.noneOf(TrafficPhase.class);
  private boolean read;

  AwsRolloutEvidence(AwsSession session, String function, String alias, String target, String stage, URI stageUrl,
      List<TrafficCheck> checks) {
    this.session = session;
    this.function = function;
    this.alias = alias;
    this.target = target;
    this.stage = stage;
    this.stageUrl = stageUrl;
    this.checks = checks;
  }

  @Override
  public GateReading read(Instant from) {
    read = true;
    // One period from the step's first minute to the end of the current one: one value per query.
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    Instant end = session.clock().instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    int period = (int) Duration.between(start, end).toSeconds();
    List<Dimension> dimensions = List.of(dimension("FunctionName", function),
        dimension("Resource", function + ":" + alias), dimension("ExecutedVersion", target));
    GetMetricDataResponse response = session.client(AwsServices.CLOUDWATCH).getMetricData(r -> r
        .startTime(start).endTime(end).metricDataQueries(
            query("invocations", "Invocations", "Sum", dimensions, period),
            query("errors", "Errors", "Sum", dimensions, period),
            query("p99", "Duration", "p99", dimensions, period)));
    return new GateReading((long) sum(response, "invocations"), (long) sum(response, "errors"), highest(response, "p99"));
  }

  private static MetricDataQuery query(String id, String metric, String stat, List<Dimension> dimensions, int period) {
    return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.stat(stat).period(period)
        .metric(m -> m.namespace("AWS/Lambda").metricName(metric).dimensions(dimensions))).build();
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }

  private static double sum(GetMetricDataResponse response, String id) {
    return result(response, id).values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static Double highest(GetMetricDataResponse response, String id) {
    return result(response, id).values().stream().max(Double::compare).orElse(null);
  }

  private static MetricDataResult result(GetMetricDataResponse response, String id) {
    return response.metricDataResults().stream().filter(r -> id.equals(r.id())).findFirst()
        .orElse(MetricDataResult.builder().id(id).build());
  }

  @Override
  public List<CheckResult> check(TrafficPhase phase) {
    checked.add(phase);
    List<CheckResult> results = new ArrayList<>();
    for (TrafficCheck check : checks) {
      results.add(phase == TrafficPhase.PreTraffic ? onTheVersion(check) : throughTheStage(check));
    }
    return results;
  }

  /** The new version alone, with the event the stage would send it. */
  private CheckResult onTheVersion(TrafficCheck check) {
    InvokeResponse answer = session.client(AwsServices.LAMBDA).invoke(r -> r.functionName(function).qualifier(target)
        .payload(SdkBytes.fromUtf8String(TrafficCheckJudge.proxyEvent(check, stage))));
    return TrafficCheckJudge.judgeInvocation(check, answer.functionError(),
        answer.payload() == null ? "" : answer.payload().asUtf8String());
  }

  private CheckResult throughTheStage(TrafficCheck check) {
    URI uri = URI.create(stageUrl.toString().replaceAll("/+$", "") + check.getPath());
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json").header("User-Agent", "tap-operator traffic check");
    request.method(TrafficCheckJudge.method(check), check.getBody() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(check.getBody()));
    if (check.getBody() != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> answer = Http.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return TrafficCheckJudge.judge(check, TrafficPhase.PostTraffic, answer.statusCode(), answer.body());
    } catch (IOException e) {
      return TrafficCheckJudge.failed(check, TrafficPhase.PostTraffic, null, "no answer from " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + uri, e);
    }
  }

  boolean read() {
    return read;
  }

  Set<TrafficPhase> checked() {
    return checked;
  }
}
