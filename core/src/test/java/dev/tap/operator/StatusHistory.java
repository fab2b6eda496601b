package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks on the successive states of one resource's status, as the API server stored them. */
public final class StatusHistory {

  private StatusHistory() {}

  /** In every state each condition type appears once, and no state says anything older than the one before. */
  public static void assertEachConditionOnceAndNeverBackwards(List<ServerlessApi> states) {
    ServerlessApi previous = null;
    for (ServerlessApi state : states) {
      if (state.getStatus() == null) {
        continue;
      }
      List<String> types = state.getStatus().getConditions().stream().map(Condition::getType).toList();
      assertThat(types).as("condition types at resourceVersion %s", state.getMetadata().getResourceVersion())
          .doesNotHaveDuplicates();
      if (previous != null) {
        assertNotBackwards(previous, state);
      }
      previous = state;
    }
  }

  private static void assertNotBackwards(ServerlessApi before, ServerlessApi after) {
    String at = "at resourceVersion " + after.getMetadata().getResourceVersion();
    assertThat(after.getStatus().getObservedGeneration()).as("observedGeneration " + at)
        .isGreaterThanOrEqualTo(before.getStatus().getObservedGeneration());
    if (before.getStatus().getIdentity() != null) {
      assertThat(Serialization.asJson(after.getStatus().getIdentity())).as("the recorded identity " + at)
          .isEqualTo(Serialization.asJson(before.getStatus().getIdentity()));
    }
    Map<String, Condition> earlier = new HashMap<>();
    before.getStatus().getConditions().forEach(c -> earlier.put(c.getType(), c));
    for (Condition condition : after.getStatus().getConditions()) {
      Condition old = earlier.get(condition.getType());
      if (old != null) {
        assertThat(Instant.parse(condition.getLastTransitionTime())).as(condition.getType() + " lastTransitionTime " + at)
            .isAfterOrEqualTo(Instant.parse(old.getLastTransitionTime()));
        assertThat(condition.getObservedGeneration()).as(condition.getType() + " observedGeneration " + at)
            .isGreaterThanOrEqualTo(old.getObservedGeneration());
      }
    }
  }
}
