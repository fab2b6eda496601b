package dev.tap.operator.aws;

import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS service clients of one account, per region. Production builds SDK clients; tests and the
 * sandbox hand in the simulated AWS, which implements the same SDK interfaces.
 */
public interface AwsClients {

  DynamoDbClient dynamoDb(String region);

  ApplicationAutoScalingClient autoScaling(String region);
}
