package dev.tap.operator.aws;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.events.ChangeRecorder;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the dependents of one reconcile share: the resource's region and clients, where changes are
 * told, and whether unowned AWS resources of the same names may be adopted. The reconciler puts it
 * in the workflow context before it runs the workflow.
 */
public record AwsSession(String region, DynamoDbClient dynamoDb, ApplicationAutoScalingClient autoScaling,
    ChangeRecorder changes, boolean adopt) {

  public void changed(ServerlessApi api, String reason, String message) {
    changes.awsChange(api, reason, message);
  }
}
