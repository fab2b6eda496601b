package dev.tap.operator.aws.simulated;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;

/** Service errors as the SDK surfaces them: the right exception type, error code, status and message. */
public final class AwsErrors {

  private AwsErrors() {}

  public static <T extends AwsServiceException> T build(AwsServiceException.Builder builder, String service,
      String code, int status, String message) {
    @SuppressWarnings("unchecked")
    T error = (T) builder.message(message).statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().serviceName(service).errorCode(code).errorMessage(message).build())
        .build();
    return error;
  }

  /** A throttling error for any service: status 400 and an error code the SDK treats as throttling. */
  public static AwsServiceException throttling(String service, String operation) {
    if ("apigateway".equals(service)) {
      // API Gateway answers 429 TooManyRequestsException.
      return build(TooManyRequestsException.builder(), service, "TooManyRequestsException", 429, "Too Many Requests");
    }
    return build(AwsServiceException.builder(), service, "ThrottlingException", 400,
        "Rate exceeded for " + operation);
  }
}
