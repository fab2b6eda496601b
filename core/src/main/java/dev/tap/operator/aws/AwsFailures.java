package dev.tap.operator.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Sorts AWS failures the ACK way: Recoverable ones (throttling, 5xx, a resource busy with an earlier
 * change, the network) are retried with backoff; Terminal ones need a human to change something.
 */
public final class AwsFailures {

  private static final Set<String> BUSY = Set.of("ResourceInUseException", "LimitExceededException",
      "ConcurrentUpdateException", "ContinuousBackupsUnavailableException", "TooManyRequestsException",
      "ProvisionedThroughputExceededException", "RequestLimitExceeded");
  private static final Set<String> NEEDS_A_HUMAN = Set.of("AccessDeniedException", "AccessDenied",
      "UnrecognizedClientException", "InvalidSignatureException", "ValidationException",
      // API Gateway's answer to a request it will never accept as sent
      "BadRequestException");

  private AwsFailures() {}

  public static boolean isTerminal(Throwable failure) {
    if (failure instanceof TerminalException) {
      return true;
    }
    if (failure instanceof AwsServiceException aws) {
      return !isRecoverable(aws) && NEEDS_A_HUMAN.contains(errorCode(aws));
    }
    return false;
  }

  public static boolean isRecoverable(AwsServiceException aws) {
    return aws.isThrottlingException() || aws.statusCode() >= 500 || BUSY.contains(errorCode(aws));
  }

  /** A short description for status messages: the AWS error code and message, or the exception. */
  public static String describe(Throwable failure) {
    if (failure instanceof AwsServiceException aws) {
      String code = errorCode(aws);
      String message = aws.awsErrorDetails() == null ? aws.getMessage() : aws.awsErrorDetails().errorMessage();
      return code + ": " + message;
    }
    if (failure instanceof SdkClientException) {
      return "cannot reach AWS: " + failure.getMessage();
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static String errorCode(AwsServiceException aws) {
    if (aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null) {
      return aws.awsErrorDetails().errorCode();
    }
    return aws.getClass().getSimpleName();
  }
}
