package dev.tap.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.aws.DeletionPendingException;
import dev.tap.operator.aws.QuotaWaitException;
import dev.tap.operator.aws.RetryLaterException;
import dev.tap.operator.aws.TerminalException;
import dev.tap.operator.status.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Every row of {@link FailureVerdicts}'s table. */
class FailureVerdictsTest {

  private static final Duration RESYNC = Duration.ofMinutes(5);
  private static final Duration NEXT_RETRY = Duration.ofMillis(800);

  private static Map<String, Exception> failures(Object... whereAndWhat) {
    Map<String, Exception> failures = new LinkedHashMap<>();
    for (int i = 0; i < whereAndWhat.length; i += 2) {
      failures.put((String) whereAndWhat[i], (Exception) whereAndWhat[i + 1]);
    }
    return failures;
  }

  private static AwsServiceException aws(int status, String code) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened").build()).build();
  }

  static Stream<Arguments> reconciles() {
    return Stream.of(
        Arguments.of("a human must act", failures("table", new TerminalException("OwnedByAnother", "table t is theirs"),
            "function", new RuntimeException("boom")),
            new Verdict.Terminal("OwnedByAnother", "table: table t is theirs"), Optional.of(RESYNC)),
        Arguments.of("AWS refuses the request as sent", failures("restapi", aws(400, "BadRequestException")),
            new Verdict.Terminal("AwsRejected", "restapi: BadRequestException: BadRequestException happened"),
            Optional.of(RESYNC)),
        Arguments.of("refused until a known time", failures("restapi", new RetryLaterException("after 7 s",
            Duration.ofSeconds(7)), "alarms", new RetryLaterException("after 3 s", Duration.ofSeconds(3))),
            new Verdict.Recoverable("restapi: after 7 s; alarms: after 3 s"), Optional.of(Duration.ofSeconds(3))),
        Arguments.of("only quota waits", failures("table", new QuotaWaitException("DescribeTable in 2 s",
            Duration.ofSeconds(2)), "function", new QuotaWaitException("GetFunction in 1 s", Duration.ofSeconds(1))),
            new Verdict.Progressing(FailureVerdicts.REASON_QUOTA, "table: DescribeTable in 2 s; function: GetFunction in 1 s"),
            Optional.of(Duration.ofSeconds(1))),
        Arguments.of("a quota wait beside a 5xx", failures("table", new QuotaWaitException("later", Duration.ofSeconds(2)),
            "function", aws(503, "ServiceUnavailable")),
            new Verdict.Recoverable("table: later; function: ServiceUnavailable: ServiceUnavailable happened (attempt 3,"
                + " retrying in about 800 ms)"), Optional.empty()),
        Arguments.of("throttled", failures("table", aws(400, "ThrottlingException")),
            new Verdict.Recoverable("table: ThrottlingException: ThrottlingException happened (attempt 3, retrying in"
                + " about 800 ms)"), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reconciles")
  void a_failed_reconcile(String name, Map<String, Exception> failures, Verdict verdict, Optional<Duration> lookAgainIn) {
    FailureVerdicts.Decision decision = FailureVerdicts.ofReconcile(failures, 3, NEXT_RETRY, RESYNC);

    assertThat(decision.verdict()).isEqualTo(verdict);
    assertThat(decision.lookAgainIn()).isEqualTo(lookAgainIn);
  }

  static Stream<Arguments> deletions() {
    return Stream.of(
        Arguments.of("a protected table", failures("protection", new TerminalException("DeletionProtected", "on")),
            new Verdict.Terminal("DeletionProtected", "cannot delete: protection: on")),
        Arguments.of("AWS still deleting, a quota", failures("table", new DeletionPendingException("table DELETING"),
            "function", new QuotaWaitException("in 1 s", Duration.ofSeconds(1))),
            new Verdict.Progressing(FailureVerdicts.REASON_DELETING, "deleting: table DELETING; in 1 s")),
        Arguments.of("a 5xx", failures("restapi", aws(500, "InternalFailure")),
            new Verdict.Recoverable("deleting: restapi: InternalFailure: InternalFailure happened (attempt 2)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletions")
  void a_failed_deletion(String name, Map<String, Exception> failures, Verdict verdict) {
    assertThat(FailureVerdicts.ofDeletion(failures, 2)).isEqualTo(verdict);
  }
}
