package dev.tap.operator.restapi;

import dev.tap.operator.api.v1alpha1.ApiSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.apigateway.model.AccessLogSettings;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/**
 * The stage's settings, as the spec asks and as the stage holds them: the method settings for every
 * method ({@code *}{@code /*}), X-Ray tracing, and access logs (null destination: none).
 */
public record StageSettings(double rateLimit, int burstLimit, String loggingLevel, boolean dataTrace, boolean metrics,
    boolean tracing, String accessLogDestination, String accessLogFormat) {

  /** API Gateway's account-level defaults, which apply when the spec sets no throttling. */
  static final double DEFAULT_RATE = 10000;
  static final int DEFAULT_BURST = 5000;
  private static final String ALL_METHODS = "/*/*/";

  static StageSettings of(ApiSpec spec) {
    if (spec == null) {
      return new StageSettings(DEFAULT_RATE, DEFAULT_BURST, "OFF", false, false, false, null, null);
    }
    var throttling = spec.getThrottling();
    var logs = spec.getAccessLogs();
    return new StageSettings(throttling == null || throttling.getRateLimit() == null ? DEFAULT_RATE : throttling.getRateLimit(),
        throttling == null || throttling.getBurstLimit() == null ? DEFAULT_BURST : throttling.getBurstLimit(),
        spec.getLoggingLevel() == null ? "OFF" : spec.getLoggingLevel().name(), Boolean.TRUE.equals(spec.getDataTraceEnabled()),
        Boolean.TRUE.equals(spec.getMetricsEnabled()), Boolean.TRUE.equals(spec.getTracingEnabled()),
        logs == null ? null : logs.getDestinationArn(), logs == null ? null : logs.getFormat());
  }

  /** From GetStage; {@code all} is the {@code *}{@code /*} method setting (null: none yet, API Gateway's defaults). */
  static StageSettings of(MethodSetting all, Boolean tracing, AccessLogSettings logs) {
    MethodSetting setting = all == null ? MethodSetting.builder().build() : all;
    return new StageSettings(setting.throttlingRateLimit() == null ? DEFAULT_RATE : setting.throttlingRateLimit(),
        setting.throttlingBurstLimit() == null ? DEFAULT_BURST : setting.throttlingBurstLimit(),
        setting.loggingLevel() == null ? "OFF" : setting.loggingLevel(), Boolean.TRUE.equals(setting.dataTraceEnabled()),
        Boolean.TRUE.equals(setting.metricsEnabled()), Boolean.TRUE.equals(tracing),
        logs == null ? null : logs.destinationArn(), logs == null ? null : logs.format());
  }

  /** Execution logging needs the account's API Gateway CloudWatch role. */
  boolean logs() {
    return !"OFF".equals(loggingLevel) || dataTrace;
  }

  /** The UpdateStage operations that bring {@code observed} (null: no method settings yet) to these settings. */
  List<PatchOperation> patchesFrom(StageSettings observed) {
    List<PatchOperation> patches = new ArrayList<>();
    if (observed == null || observed.rateLimit != rateLimit) {
      patches.add(replace("throttling/rateLimit", Double.toString(rateLimit)));
    }
    if (observed == null || observed.burstLimit != burstLimit) {
      patches.add(replace("throttling/burstLimit", Integer.toString(burstLimit)));
    }
    if (observed == null || !observed.loggingLevel.equals(loggingLevel)) {
      patches.add(replace("logging/loglevel", loggingLevel));
    }
    if (observed == null || observed.dataTrace != dataTrace) {
      patches.add(replace("logging/dataTrace", Boolean.toString(dataTrace)));
    }
    if (observed == null || observed.metrics != metrics) {
      patches.add(replace("metrics/enabled", Boolean.toString(metrics)));
    }
    if (observed == null || observed.tracing != tracing) {
      patches.add(PatchOperation.builder().op(Op.REPLACE).path("/tracingEnabled").value(Boolean.toString(tracing)).build());
    }
    String observedDestination = observed == null ? null : observed.accessLogDestination;
    if (accessLogDestination == null && observedDestination != null) {
      patches.add(PatchOperation.builder().op(Op.REMOVE).path("/accessLogSettings").build());
    } else if (accessLogDestination != null && (!accessLogDestination.equals(observedDestination)
        || !accessLogFormat.equals(observed.accessLogFormat))) {
      patches.add(PatchOperation.builder().op(Op.REPLACE).path("/accessLogSettings/destinationArn")
          .value(accessLogDestination).build());
      patches.add(PatchOperation.builder().op(Op.REPLACE).path("/accessLogSettings/format").value(accessLogFormat).build());
    }
    return patches;
  }

  /** One patch operation for an Event: {@code throttling/rateLimit 100.0}, {@code tracingEnabled true}, {@code remove accessLogSettings}. */
  static String describe(PatchOperation patch) {
    String setting = patch.path().startsWith(ALL_METHODS) ? patch.path().substring(ALL_METHODS.length())
        : patch.path().substring(1);
    return patch.op() == Op.REMOVE ? "remove " + setting : setting + " " + patch.value();
  }

  private static PatchOperation replace(String setting, String value) {
    return PatchOperation.builder().op(Op.REPLACE).path(ALL_METHODS + setting).value(value).build();
  }
}
