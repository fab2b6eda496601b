package dev.tap.operator.validation;

import static dev.tap.operator.Samples.load;
import static dev.tap.operator.Samples.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.Samples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class ServerlessApiValidatorTest {

  private static final ServerlessApiValidator validator = ServerlessApiValidator.fromGeneratedCrd();
  private static final ObjectNode PROD = load("prod.yaml");

  static final List<String> SAMPLES = Samples.NAMES;

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void every_sample_is_valid(String sample) {
    assertThat(validator.validate(load(sample), null)).isEmpty();
  }

  /** field | YAML value (empty: remove) | path of the violation | what its message says. */
  static final String BAD_FIELDS = """
      # schema: bounds, patterns, enums, required and unknown fields
      spec.table.writeCapacity | 40001 | spec.table.writeCapacity | maximum value of 40000
      spec.table.autoScaling.read.targetUtilizationPercent | 19 | spec.table.autoScaling.read.targetUtilizationPercent | minimum value of 20
      spec.table.autoScaling.write.targetUtilizationPercent | 91 | spec.table.autoScaling.write.targetUtilizationPercent | maximum value of 90
      spec.function.deployment.canaryPercent | 100 | spec.function.deployment.canaryPercent | maximum value of 99
      spec.function.deployment.canaryPercent | 0 | spec.function.deployment.canaryPercent | minimum value of 1
      spec.alarms.apiServerErrors.threshold | 0 | spec.alarms.apiServerErrors.threshold | minimum value of 0
      spec.alarms.apiServerErrors.evaluationPeriods | 0 | spec.alarms.apiServerErrors.evaluationPeriods | minimum value of 1
      spec.environment | Prod | spec.environment | does not match the regex pattern
      spec.environment | an-environment-name-too-long | spec.environment | does not match the regex pattern
      spec.environment | '"dev\\n"' | spec.environment | does not match the regex pattern
      spec.function.role | 'arn:aws:iam::123:role/x' | spec.function.role | does not match the regex pattern
      spec.api.stageName | 'prod stage' | spec.api.stageName | does not match the regex pattern
      spec.function.deployment.interval | '5 minutes' | spec.function.deployment.interval | does not match the regex pattern
      spec.table.globalSecondaryIndexes[0].partitionKey.type | X | spec.table.globalSecondaryIndexes[0].partitionKey.type | enumeration
      spec.function.deployment.strategy | BlueGreen | spec.function.deployment.strategy | enumeration
      spec.table.readCapacity | '"five"' | spec.table.readCapacity | string found, integer expected
      spec.tabel | '{}' | spec.tabel | unknown field
      spec.table.readCapcity | 5 | spec.table.readCapcity | unknown field
      spec.table | | spec.table | required field is missing
      spec | | spec | required field is missing
      spec.environment | | spec.environment | required field is missing
      spec.function.role | | spec.function.role | required field is missing
      # CEL rules across fields
      spec.table.autoScaling.read.minCapacity | 200 | spec.table.autoScaling.read.minCapacity | minCapacity must not exceed maxCapacity
      spec.table.readCapacity | 200 | spec.table.readCapacity | readCapacity must lie within autoScaling.read
      spec.table.writeCapacity | 1 | spec.table.writeCapacity | writeCapacity must lie within autoScaling.write
      spec.table.globalSecondaryIndexes[0].writeCapacity | 1 | spec.table.globalSecondaryIndexes[0].writeCapacity | writeCapacity must lie within autoScaling.write
      spec.table.globalSecondaryIndexes[0].readCapacity | 101 | spec.table.globalSecondaryIndexes[0].readCapacity | readCapacity must lie within autoScaling.read
      spec.function.code | '{s3Bucket: tap-artifacts, s3Key: a.jar, imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/tap:1"}' | spec.function.code | exactly one of s3Bucket (with s3Key) or imageUri
      spec.function.code | '{}' | spec.function.code | exactly one of s3Bucket (with s3Key) or imageUri
      spec.function.code | '{s3Bucket: tap-artifacts}' | spec.function.code.s3Key | s3Bucket and s3Key must be set together
      spec.function.code | '{imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/tap:1", s3ObjectVersion: v1}' | spec.function.code.s3ObjectVersion | s3ObjectVersion needs s3Bucket and s3Key
      spec.function.deployment.linearPercent | 10 | spec.function.deployment.linearPercent | allowed only with strategy Linear
      spec.function.deployment | '{strategy: AllAtOnce, interval: 5m}' | spec.function.deployment.interval | allowed only with strategy Canary or Linear
      spec.function.deployment | '{canaryPercent: 10}' | spec.function.deployment.canaryPercent | allowed only with strategy Canary
      spec.function.deployment | '{strategy: AllAtOnce, analysis: [{metric: ErrorRate, max: 1, minRequests: 20}]}' | spec.function.deployment.analysis | analysis is allowed only with strategy Canary or Linear
      spec.function.deployment | '{strategy: AllAtOnce, approval: {timeout: 1h}}' | spec.function.deployment.approval | approval is allowed only with strategy Canary or Linear
      spec.function.deployment | '{strategy: AllAtOnce, trafficChecks: [{path: /items, expectStatus: 200}]}' | spec.function.deployment.trafficChecks | trafficChecks are allowed only with strategy Canary or Linear
      spec.function.deployment.approval | '{beforePercent: 50}' | spec.function.deployment.approval.beforePercent | must be the share of one of the strategy's steps
      spec.function.deployment.analysis | '[{metric: ErrorRate, max: 150, minRequests: 20}]' | spec.function.deployment.analysis[0].max | a percentage: at most 100
      spec.function.deployment.analysis | '[{metric: Latency, max: 1, minRequests: 20}]' | spec.function.deployment.analysis[0].metric | enumeration
      spec.function.deployment.trafficChecks | '[{path: items, expectStatus: 200}]' | spec.function.deployment.trafficChecks[0].path | does not match the regex pattern
      spec.alarms.apiServerErrors.periodSeconds | 45 | spec.alarms.apiServerErrors.periodSeconds | must be 10, 20, 30 or a multiple of 60
      spec.alarms.apiServerErrors.periodSeconds | 90 | spec.alarms.apiServerErrors.periodSeconds | must be 10, 20, 30 or a multiple of 60
      spec.alarms.apiServerErrors | '{threshold: 1, evaluationPeriods: 1441, periodSeconds: 60}' | spec.alarms.apiServerErrors.evaluationPeriods | must not exceed one day
      spec.table.globalSecondaryIndexes[0].nonKeyAttributes | '[title]' | spec.table.globalSecondaryIndexes[0].nonKeyAttributes | required with projectionType INCLUDE and allowed only with it
      spec.table.globalSecondaryIndexes[0].projectionType | INCLUDE | spec.table.globalSecondaryIndexes[0].nonKeyAttributes | required with projectionType INCLUDE and allowed only with it
      spec.function | | spec.api | api needs a function to integrate with
      # the operator's own checks
      metadata.name | tap.v2 | metadata.name | only letters, digits
      metadata.name | a-name-that-is-far-too-long-for-a-lambda-function-name-x | metadata.name | Lambda allows 64
      metadata.annotations | '{services.k8s.aws/deletion-policy: keep}' | metadata.annotations[services.k8s.aws/deletion-policy] | must be one of [retain, delete]
      metadata.annotations | '{services.k8s.aws/region: mars-1}' | metadata.annotations[services.k8s.aws/region] | not an AWS region
      spec.function.environment | '{variables: {AWS_REGION: x}}' | spec.function.environment.variables.AWS_REGION | reserved
      spec.function.environment | '{variables: {TABLE_NAME: x}}' | spec.function.environment.variables.TABLE_NAME | reserved
      spec.function.environment | '{variables: {1st: x}}' | spec.function.environment.variables.1st | starts with a letter
      spec.alarms.actions[0] | 'arn:aws:sqs:us-east-1:123456789012:q' | spec.alarms.actions[0] | must be an SNS topic ARN
      """;

  @ParameterizedTest(name = "{0} = {1} -> {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = BAD_FIELDS)
  void a_bad_field_is_named_in_the_violation(String field, String value, String path, String message) {
    List<Violation> violations = validator.validate(with(PROD, field, value), null);

    assertThat(violations).anySatisfy(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(message);
    });
  }

  @Test
  void every_cel_rule_of_the_crd_is_broken_by_at_least_one_case_here() {
    Set<String> produced = new HashSet<>();
    ObjectNode old = with(PROD, "spec.table.partitionKey", "{name: id, type: S}");
    for (String[] row : rows(BAD_FIELDS)) {
      validator.validate(with(PROD, row[0], row[1]), null).forEach(v -> produced.add(v.message()));
    }
    for (String[] row : rows(BAD_UPDATES)) {
      validator.validate(with(old, row[0], row[1]), old).forEach(v -> produced.add(v.message()));
    }
    String index = Samples.toYaml(PROD.at("/spec/table/globalSecondaryIndexes/0"));
    validator.validate(with(PROD, "spec.table.globalSecondaryIndexes", "[" + Samples.parse(index) + ", " + Samples.parse(index) + "]"),
        null).forEach(v -> produced.add(v.message()));

    List<String> ruleMessages = new ArrayList<>();
    collectRuleMessages(CrdSchema.load().openApiSchema(), ruleMessages);

    assertThat(ruleMessages).hasSizeGreaterThanOrEqualTo(17);
    assertThat(produced).containsAll(ruleMessages);
  }

  private static List<String[]> rows(String csv) {
    return csv.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> Arrays.stream(l.split("\\|", -1)).map(String::trim).map(ServerlessApiValidatorTest::unquote)
            .toArray(String[]::new))
        .toList();
  }

  private static String unquote(String cell) {
    if (cell.isEmpty()) {
      return null;
    }
    return cell.startsWith("'") && cell.endsWith("'") ? cell.substring(1, cell.length() - 1) : cell;
  }

  private static void collectRuleMessages(JsonNode schema, List<String> out) {
    if (!schema.isObject()) {
      return;
    }
    schema.path("x-kubernetes-validations").forEach(rule -> out.add(rule.path("message").asText()));
    schema.path("properties").forEach(child -> collectRuleMessages(child, out));
    collectRuleMessages(schema.path("items"), out);
    collectRuleMessages(schema.path("additionalProperties"), out);
  }

  @Test
  void duplicate_index_names_are_refused() {
    String index = Samples.toYaml(PROD.at("/spec/table/globalSecondaryIndexes/0"));
    ObjectNode twice = with(PROD, "spec.table.globalSecondaryIndexes",
        "[" + Samples.parse(index) + ", " + Samples.parse(index) + "]");

    assertThat(validator.validate(twice, null))
        .containsExactly(new Violation("spec.table.globalSecondaryIndexes", "indexName must be unique within globalSecondaryIndexes"));
  }

  @Test
  void edge_values_inside_the_bounds_are_accepted() {
    ObjectNode edges = with(PROD, "spec.alarms.apiServerErrors", "{threshold: 0.5, evaluationPeriods: 1440, periodSeconds: 60}");
    edges = with(edges, "spec.alarms.lambdaErrors", "{threshold: 1, evaluationPeriods: 168, periodSeconds: 3600}");
    edges = with(edges, "spec.table.autoScaling.read", "{minCapacity: 1, maxCapacity: 40000, targetUtilizationPercent: 20}");
    edges = with(edges, "spec.table.autoScaling.write", "{minCapacity: 5, maxCapacity: 5, targetUtilizationPercent: 90}");
    edges = with(edges, "spec.function.deployment.canaryPercent", "99");

    assertThat(validator.validate(edges, null)).isEmpty();
  }

  /** Updates of the prod sample that transition rules refuse, same columns as {@link #BAD_FIELDS}. */
  static final String BAD_UPDATES = """
      spec.environment | staging | spec.environment | environment is immutable
      spec.region | eu-west-1 | spec.region | region is immutable
      spec.region | | spec.region | region is immutable
      spec.table.partitionKey | '{name: pk, type: S}' | spec.table.partitionKey | partitionKey is immutable
      spec.table.globalSecondaryIndexes[0].partitionKey | '{name: day, type: S}' | spec.table.globalSecondaryIndexes | keys and projection are immutable
      spec.table.globalSecondaryIndexes[0].sortKey | | spec.table.globalSecondaryIndexes | keys and projection are immutable
      spec.table.globalSecondaryIndexes[0].sortKey | '{name: createdAt, type: N}' | spec.table.globalSecondaryIndexes | keys and projection are immutable
      spec.table.globalSecondaryIndexes[0].projectionType | KEYS_ONLY | spec.table.globalSecondaryIndexes | keys and projection are immutable
      """;

  @ParameterizedTest(name = "{0} = {1} on update -> {2}")
  @CsvSource(delimiter = '|', textBlock = BAD_UPDATES)
  void what_aws_cannot_change_in_place_is_immutable(String field, String value, String path, String message) {
    ObjectNode old = with(PROD, "spec.table.partitionKey", "{name: id, type: S}");

    List<Violation> violations = validator.validate(with(old, field, value), old);

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo(path);
      assertThat(v.message()).contains(message);
    });
  }

  @Test
  void updates_that_aws_can_apply_pass_the_transition_rules() {
    ObjectNode old = PROD;
    ObjectNode renamedIndex = with(old, "spec.table.globalSecondaryIndexes[0].indexName", "createdAt-v2");
    ObjectNode withoutIndexes = with(old, "spec.table.globalSecondaryIndexes", "[]");
    ObjectNode moreCapacity = with(old, "spec.table.autoScaling.read.maxCapacity", "500");
    ObjectNode keyNowExplicit = with(old, "spec.table.partitionKey", "{name: id, type: S}");

    assertThat(validator.validate(renamedIndex, old)).isEmpty();
    assertThat(validator.validate(withoutIndexes, old)).isEmpty();
    assertThat(validator.validate(moreCapacity, old)).isEmpty();
    assertThat(validator.validate(keyNowExplicit, old)).isEmpty();
  }

  /**
   * The API server skips a field's transition rule when the field is absent on either side, so an
   * immutable value could change in two applies: removed, then set anew. Neither step may pass.
   */
  @Test
  void an_immutable_region_can_be_neither_removed_nor_added() {
    ObjectNode withoutRegion = with(PROD, "spec.region", null);
    ObjectNode elsewhere = with(PROD, "spec.region", "eu-west-1");

    assertThat(validator.validate(withoutRegion, PROD)).singleElement()
        .satisfies(v -> assertThat(v.toString()).startsWith("spec.region: region is immutable"));
    assertThat(validator.validate(elsewhere, withoutRegion)).singleElement()
        .satisfies(v -> assertThat(v.toString()).startsWith("spec.region: region is immutable"));
    assertThat(validator.validate(withoutRegion, withoutRegion)).isEmpty();
  }

  /** Unset, the partition key is id of type S: the rule compares the keys the table really has. */
  @Test
  void the_partition_key_is_compared_by_its_effective_value() {
    ObjectNode unset = with(PROD, "spec.table.partitionKey", null);
    ObjectNode pk = with(PROD, "spec.table.partitionKey", "{name: pk, type: S}");
    ObjectNode idAsNumber = with(PROD, "spec.table.partitionKey", "{name: id, type: N}");
    ObjectNode id = with(PROD, "spec.table.partitionKey", "{name: id, type: S}");
    String immutable = "spec.table.partitionKey: partitionKey is immutable";

    assertThat(validator.validate(unset, pk)).singleElement().satisfies(v -> assertThat(v.toString()).startsWith(immutable));
    assertThat(validator.validate(pk, unset)).singleElement().satisfies(v -> assertThat(v.toString()).startsWith(immutable));
    assertThat(validator.validate(idAsNumber, unset)).singleElement().satisfies(v -> assertThat(v.toString()).startsWith(immutable));
    assertThat(validator.validate(unset, id)).isEmpty();
    assertThat(validator.validate(id, unset)).isEmpty();
  }

  /** DynamoDB drops an index and creates it anew, so an index may come back under its name with other keys. */
  @Test
  void an_index_removed_in_one_apply_may_come_back_with_other_keys_in_the_next() {
    ObjectNode withoutIndexes = with(PROD, "spec.table.globalSecondaryIndexes", "[]");
    ObjectNode rekeyed = with(PROD, "spec.table.globalSecondaryIndexes[0].partitionKey", "{name: day, type: S}");

    assertThat(validator.validate(withoutIndexes, PROD)).isEmpty();
    assertThat(validator.validate(rekeyed, withoutIndexes)).isEmpty();
  }

  @Test
  void transition_rules_do_not_apply_on_create() {
    assertThat(validator.validate(with(PROD, "spec.environment", "staging"), null)).isEmpty();
  }
}
