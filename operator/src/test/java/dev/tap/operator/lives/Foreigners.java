package dev.tap.operator.lives;

import static dev.tap.operator.OperatorHarness.REGION;

import dev.tap.operator.aws.simulated.SimulatedAws;
import dev.tap.operator.naming.OwnerTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Someone else's resources in the same account, named like a life's: a table, a function and an
 * alarm of another environment, and a REST API tagged with another owner. The operator must never
 * touch them; {@link #untouched} compares them with how they were placed.
 */
final class Foreigners {

  private final List<String> names;
  private final List<String> placed;

  private Foreigners(List<String> names, List<String> placed) {
    this.names = names;
    this.placed = placed;
  }

  static Foreigners placeBeside(SimulatedAws aws, String life) {
    String table = life + "-items-other";
    aws.dynamoDb(REGION).createTable(r -> r.tableName(table).billingMode("PROVISIONED")
        .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id")
            .keyType("HASH")).provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(3L)));
    String function = life + "-api-other";
    aws.lambda(REGION).createFunction(r -> r.functionName(function).runtime("java21").handler("x.Y::handle")
        .role("arn:aws:iam::123456789012:role/tap-api-lambda").code(c -> c.s3Bucket("tap-artifacts").s3Key("x.jar")));
    String alarm = life + "-lambda-errors-other";
    aws.cloudWatch(REGION).putMetricAlarm(r -> r.alarmName(alarm).namespace("AWS/Lambda").metricName("Errors")
        .statistic("Sum").period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold"));
    aws.apiGateway(REGION).createRestApi(r -> r.name(life + "-api-prod")
        .tags(Map.of(OwnerTags.OWNER, "someone-else/" + life)));
    List<String> names = List.of(table, function, alarm, life + "-api-prod");
    return new Foreigners(names, snapshot(aws, names));
  }

  boolean untouched(SimulatedAws aws) {
    return placed.equals(snapshot(aws, names));
  }

  String changes(SimulatedAws aws) {
    List<String> now = snapshot(aws, names);
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      if (!Objects.equals(placed.get(i), now.get(i))) {
        changed.add(placed.get(i) + " -> " + now.get(i));
      }
    }
    return changed.toString();
  }

  /** Each one as a string of all that can change: settings, tags, state, deployments. */
  private static List<String> snapshot(SimulatedAws aws, List<String> names) {
    String table = aws.dynamoDb(REGION).peek(names.get(0)).map(t -> t.provisionedThroughput().readCapacityUnits() + "/"
        + t.provisionedThroughput().writeCapacityUnits() + " " + t.deletionProtectionEnabled()).orElse("gone")
        + " " + (aws.dynamoDb(REGION).peek(names.get(0)).isPresent() ? aws.dynamoDb(REGION).peekTags(names.get(0)) : "");
    String function = aws.lambda(REGION).state().peekFunction(names.get(1)).map(Object::toString).orElse("gone");
    String alarm = aws.cloudWatch(REGION).state().peekAlarms().stream().filter(a -> a.alarmName().equals(names.get(2)))
        .map(a -> a.threshold() + " " + a.stateValueAsString() + " " + a.alarmActions()).findFirst().orElse("gone");
    String api = aws.apiGateway(REGION).state().peekApis().stream().filter(a -> a.name().equals(names.get(3)))
        .filter(a -> !a.tags().getOrDefault(OwnerTags.OWNER, "").startsWith("default/")).map(Object::toString)
        .findFirst().orElse("gone");
    return List.of(table, function, alarm, api);
  }
}
