package dev.tap.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConditionPolicyTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static Conditions empty() {
    return new Conditions(null, 3, CLOCK);
  }

  /** type → "status reason" */
  private static Map<String, String> summary(Conditions conditions) {
    return conditions.asList().stream().collect(Collectors.toMap(Condition::getType,
        c -> c.getStatus() + " " + c.getReason()));
  }

  @Test
  void synced_sets_ready_and_synced_and_clears_every_trouble() {
    Conditions before = empty().set(Conditions.TERMINAL, "True", "NotOwned", "x")
        .set(Conditions.RECOVERABLE, "True", "Retrying", "x").set(Conditions.PROGRESSING, "True", "Progressing", "x")
        .set(Conditions.RECONCILING, "True", "Progressing", "x").set(Conditions.STALLED, "True", "NotOwned", "x");

    Conditions after = ConditionPolicy.apply(before, new Verdict.Synced(), Optional.empty());

    assertThat(summary(after)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Conditions.READY, "True Synced", Conditions.RESOURCE_SYNCED, "True Synced"));
    assertThat(after.asList()).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(3L));
  }

  @Test
  void progressing_is_not_ready_nor_synced_and_says_the_same_thing_everywhere() {
    Conditions before = empty().set(Conditions.TERMINAL, "True", "NotOwned", "x").set(Conditions.RECOVERABLE, "True", "Retrying", "x");

    Conditions after = ConditionPolicy.apply(before, new Verdict.Progressing("Progressing", "creating the table"),
        Optional.empty());

    assertThat(summary(after)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Conditions.PROGRESSING, "True Progressing", Conditions.RESOURCE_SYNCED, "False Progressing",
        Conditions.READY, "False Progressing", Conditions.RECONCILING, "True Progressing"));
    assertThat(after.asList()).allSatisfy(c -> assertThat(c.getMessage()).isEqualTo("creating the table"));
  }

  @Test
  void recoverable_claims_nothing_about_sync_and_keeps_progress_as_it_was() {
    Conditions before = empty().set(Conditions.PROGRESSING, "True", "Progressing", "creating the table")
        .set(Conditions.TERMINAL, "True", "AwsRejected", "x");

    Conditions after = ConditionPolicy.apply(before, new Verdict.Recoverable("table: ThrottlingException"), Optional.empty());

    assertThat(summary(after)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Conditions.RECOVERABLE, "True Retrying", Conditions.RESOURCE_SYNCED, "Unknown Retrying",
        Conditions.READY, "False Retrying", Conditions.PROGRESSING, "True Progressing",
        Conditions.RECONCILING, "True Retrying"));
  }

  @Test
  void terminal_needs_a_human_and_stops_progress_and_retries() {
    Conditions before = empty().set(Conditions.PROGRESSING, "True", "Progressing", "x").set(Conditions.RECOVERABLE, "True", "Retrying", "x");

    Conditions after = ConditionPolicy.apply(before, new Verdict.Terminal("NotOwned", "table t is not ours"), Optional.empty());

    assertThat(summary(after)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Conditions.TERMINAL, "True NotOwned", Conditions.RESOURCE_SYNCED, "False NotOwned", Conditions.READY, "False NotOwned",
        Conditions.STALLED, "True NotOwned"));
    assertThat(after.find(Conditions.RESOURCE_SYNCED).orElseThrow().getMessage())
        .isEqualTo("a human must act first: table t is not ours");
  }

  @Test
  void adoption_is_recorded_and_then_kept() {
    Conditions adopted = ConditionPolicy.apply(empty(), new Verdict.Progressing("Progressing", "x"),
        Optional.of("table tap-items-dev"));
    Conditions later = ConditionPolicy.apply(adopted, new Verdict.Synced(), Optional.empty());

    assertThat(later.find(Conditions.ADOPTED)).get().satisfies(c -> {
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getMessage()).isEqualTo("adopted the existing table tap-items-dev");
    });
  }
}
