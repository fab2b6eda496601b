package dev.tap.operator.aws;

import dev.tap.operator.aws.simulated.autoscaling.SimulatedAutoScaling;
import dev.tap.operator.aws.simulated.dynamodb.SimulatedDynamoDb;
import java.util.List;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The AWS services the operator uses. A new service is one constant here and one simulated client. */
public final class AwsServices {

  public static final AwsService<DynamoDbClient> DYNAMODB = new AwsService<>("dynamodb", "DynamoDB", "DYNAMODB",
      DynamoDbClient.class, settings -> settings.build(DynamoDbClient.builder()), SimulatedDynamoDb::new);

  public static final AwsService<ApplicationAutoScalingClient> APPLICATION_AUTO_SCALING = new AwsService<>(
      "application-autoscaling", "Application Auto Scaling", "APPLICATION_AUTO_SCALING",
      ApplicationAutoScalingClient.class, settings -> settings.build(ApplicationAutoScalingClient.builder()),
      SimulatedAutoScaling::new);

  public static final List<AwsService<?>> ALL = List.of(DYNAMODB, APPLICATION_AUTO_SCALING);

  private AwsServices() {}
}
