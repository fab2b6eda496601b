package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/iam-policy.json is least privilege, proven after the unit tests ran (this runs as an
 * integration test): every AWS operation the test suite saw the operator send is in
 * deploy/iam-operation-actions.json, every IAM action those operations need is allowed by the policy,
 * and the policy allows no action that none of them needs.
 */
class IamPolicyIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEPLOY = Path.of("..", "deploy");

  @Test
  void the_policy_allows_what_the_operator_sends_and_nothing_it_never_needs() throws Exception {
    List<String> sent = Files.readAllLines(AwsOperationsSeen.FILE);
    JsonNode map = JSON.readTree(DEPLOY.resolve("iam-operation-actions.json").toFile());
    Set<String> allowed = allowedActions(JSON.readTree(DEPLOY.resolve("iam-policy.json").toFile()));
    assertThat(sent).as("operations the tests saw the operator send").hasSizeGreaterThan(40);

    Set<String> needed = new TreeSet<>();
    for (String operation : sent) {
      assertThat(map.has(operation)).as(operation + " is sent: add it and its IAM actions to deploy/iam-operation-actions.json")
          .isTrue();
      map.get(operation).forEach(action -> needed.add(action.asText()));
    }
    assertThat(allowed).as("deploy/iam-policy.json allows every action the operator needs").containsAll(needed);
    assertThat(needed).as("every action deploy/iam-policy.json allows is needed by an operation the operator sends")
        .containsAll(allowed);
  }

  private static Set<String> allowedActions(JsonNode policy) {
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
      JsonNode action = statement.path("Action");
      List<String> names = new ArrayList<>();
      if (action.isArray()) {
        action.forEach(a -> names.add(a.asText()));
      } else {
        names.add(action.asText());
      }
      names.forEach(name -> assertThat(name).as("no wildcards: each action is named").doesNotContain("*"));
      actions.addAll(names);
    }
    return actions;
  }
}
