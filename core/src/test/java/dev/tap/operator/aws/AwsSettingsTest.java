package dev.tap.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.OperatorHarness;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsSettingsTest {

  @Test
  void a_service_specific_endpoint_wins_over_the_shared_one() {
    AwsEndpoints endpoints = new AwsEndpoints(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
        "AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000"));

    assertThat(endpoints.endpoint(AwsServices.DYNAMODB)).contains(URI.create("http://localhost:8000"));
    assertThat(endpoints.endpoint(AwsServices.APPLICATION_AUTO_SCALING)).contains(URI.create("http://localhost:4566"));
    assertThat(new AwsEndpoints(Map.of()).endpoint(AwsServices.DYNAMODB)).isEmpty();
  }

  @Test
  void the_region_comes_from_the_spec_then_the_ack_annotation_then_aws_region() {
    ServerlessApi api = OperatorHarness.sample("dev.yaml", "r", a -> a);
    RegionResolver resolver = new RegionResolver("eu-west-1");

    assertThat(resolver.regionOf(api)).contains("us-east-1");
    api.getSpec().setRegion(null);
    api.getMetadata().setAnnotations(Map.of("services.k8s.aws/region", "ap-south-1"));
    assertThat(resolver.regionOf(api)).contains("ap-south-1");
    api.getMetadata().setAnnotations(Map.of());
    assertThat(resolver.regionOf(api)).contains("eu-west-1");
    assertThat(new RegionResolver(null).regionOf(api)).isEmpty();
  }

  private static AwsServiceException error(String code, int status) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build()).build();
  }

  @Test
  void failures_are_sorted_into_terminal_and_recoverable_the_ack_way() {
    assertThat(AwsFailures.isTerminal(new TerminalException("NotOwned", "x"))).isTrue();
    assertThat(AwsFailures.isTerminal(error("AccessDeniedException", 400))).isTrue();
    assertThat(AwsFailures.isTerminal(error("ValidationException", 400))).isTrue();
    assertThat(AwsFailures.isTerminal(error("ThrottlingException", 400))).isFalse();
    assertThat(AwsFailures.isTerminal(error("ResourceInUseException", 400))).isFalse();
    assertThat(AwsFailures.isTerminal(error("InternalServerError", 500))).isFalse();
    assertThat(AwsFailures.isTerminal(SdkClientException.create("connection refused"))).isFalse();
    assertThat(AwsFailures.describe(error("ResourceInUseException", 400))).isEqualTo("ResourceInUseException: m");
  }
}
