package dev.tap.operator.table;

import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.naming.OwnerTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TableDeltaTest {

  private static final KeyAttributeDef ID = new KeyAttributeDef("id", "S");
  private static final KeyAttributeDef DAY = new KeyAttributeDef("createdDate", "S");
  private static final KeyAttributeDef AT = new KeyAttributeDef("createdAt", "S");
  private static final Map<String, String> TAGS = Map.of(OwnerTags.OWNER, "ns/tap", OwnerTags.MANAGED_BY, "tap-operator");

  private static DesiredIndex index(String name, Capacity capacity) {
    return new DesiredIndex(name, DAY, AT, "ALL", List.of(), capacity);
  }

  private static DesiredTable desired(Capacity capacity, List<DesiredIndex> indexes) {
    return new DesiredTable("t-items-dev", ID, capacity, indexes, true, true, TAGS);
  }

  private static ObservedIndex observedIndex(String name, String status, long read, long write) {
    return new ObservedIndex(name, status, DAY, AT, "ALL", read, write);
  }

  private static ObservedTable observed(String status, long read, long write, List<ObservedIndex> indexes,
      Map<String, String> tags) {
    return new ObservedTable("t-items-dev", "arn:aws:dynamodb:us-east-1:123456789012:table/t-items-dev", status, ID,
        read, write, indexes, true, true, tags);
  }

  private static final Capacity FIXED_5 = new Capacity(5, 5, false, false);
  private static final Capacity AUTOSCALED_5 = new Capacity(5, 5, true, true);

  @Test
  void a_missing_table_is_created_with_everything_at_once() {
    DesiredTable desired = desired(FIXED_5, List.of(index("a-index", FIXED_5)));

    assertThat(TableDelta.next(desired, Optional.empty(), AdoptionPolicy.NONE)).isEqualTo(new TableAction.Create(desired));
  }

  @Test
  void a_converged_table_is_in_sync() {
    DesiredTable desired = desired(FIXED_5, List.of(index("a-index", FIXED_5)));
    ObservedTable observed = observed("ACTIVE", 5, 5, List.of(observedIndex("a-index", "ACTIVE", 5, 5)), TAGS);

    assertThat(TableDelta.next(desired, Optional.of(observed), AdoptionPolicy.NONE)).isInstanceOf(TableAction.InSync.class);
  }

  @Test
  void nothing_is_changed_while_the_table_or_an_index_settles() {
    DesiredTable desired = desired(FIXED_5, List.of(index("a-index", FIXED_5), index("b-index", FIXED_5)));

    assertThat(TableDelta.next(desired, Optional.of(observed("UPDATING", 1, 1, List.of(), TAGS)), AdoptionPolicy.NONE))
        .isEqualTo(new TableAction.Wait("table t-items-dev is UPDATING"));
    assertThat(TableDelta.next(desired, Optional.of(observed("ACTIVE", 1, 1,
        List.of(observedIndex("a-index", "CREATING", 5, 5)), TAGS)), AdoptionPolicy.NONE))
        .isEqualTo(new TableAction.Wait("index a-index is CREATING"));
  }

  @Test
  void autoscaled_dimensions_keep_whatever_capacity_aws_holds() {
    DesiredTable desired = desired(AUTOSCALED_5, List.of(index("a-index", AUTOSCALED_5)));
    ObservedTable scaledUp = observed("ACTIVE", 40, 17, List.of(observedIndex("a-index", "ACTIVE", 33, 9)), TAGS);

    assertThat(TableDelta.next(desired, Optional.of(scaledUp), AdoptionPolicy.NONE)).isInstanceOf(TableAction.InSync.class);
  }

  @Test
  void drift_of_a_dimension_the_spec_owns_is_corrected_and_the_autoscaled_one_is_passed_through() {
    DesiredTable desired = desired(new Capacity(5, 5, true, false), List.of());
    ObservedTable drifted = observed("ACTIVE", 40, 9, List.of(), TAGS);

    TableAction action = TableDelta.next(desired, Optional.of(drifted), AdoptionPolicy.NONE);

    assertThat(action).isInstanceOfSatisfying(TableAction.Update.class, update -> {
      assertThat(update.read()).isEqualTo(40);
      assertThat(update.write()).isEqualTo(5);
      assertThat(update.indexThroughput()).isEmpty();
      assertThat(update.deletionProtection()).isNull();
    });
  }

  @Test
  void index_capacity_and_deletion_protection_go_in_one_update() {
    DesiredTable desired = desired(FIXED_5, List.of(index("a-index", new Capacity(7, 5, false, false))));
    ObservedTable observed = new ObservedTable("t-items-dev", "arn", "ACTIVE", ID, 5, 5,
        List.of(observedIndex("a-index", "ACTIVE", 5, 5)), false, true, TAGS);

    TableAction action = TableDelta.next(desired, Optional.of(observed), AdoptionPolicy.NONE);

    assertThat(action).isInstanceOfSatisfying(TableAction.Update.class, update -> {
      assertThat(update.read()).isNull();
      assertThat(update.indexThroughput()).containsOnlyKeys("a-index");
      assertThat(update.indexThroughput().get("a-index")).containsExactly(7, 5);
      assertThat(update.deletionProtection()).isTrue();
    });
  }

  @Test
  void indexes_are_dropped_before_they_are_added_one_per_step() {
    DesiredTable desired = desired(FIXED_5, List.of(index("new-a", FIXED_5), index("new-b", FIXED_5)));
    ObservedTable observed = observed("ACTIVE", 5, 5, List.of(observedIndex("old", "ACTIVE", 5, 5)), TAGS);

    assertThat(TableDelta.next(desired, Optional.of(observed), AdoptionPolicy.NONE)).isEqualTo(new TableAction.DeleteIndex("old"));
    ObservedTable afterDrop = observed("ACTIVE", 5, 5, List.of(), TAGS);
    assertThat(TableDelta.next(desired, Optional.of(afterDrop), AdoptionPolicy.NONE))
        .isEqualTo(new TableAction.CreateIndex(index("new-a", FIXED_5), ID));
  }

  @Test
  void an_index_with_other_keys_under_the_same_name_needs_a_human() {
    DesiredTable desired = desired(FIXED_5, List.of(index("a-index", FIXED_5)));
    ObservedTable observed = observed("ACTIVE", 5, 5,
        List.of(new ObservedIndex("a-index", "ACTIVE", ID, null, "ALL", 5, 5)), TAGS);

    assertThat(TableDelta.next(desired, Optional.of(observed), AdoptionPolicy.NONE))
        .isInstanceOfSatisfying(TableAction.Blocked.class, b -> assertThat(b.reason()).isEqualTo("IndexMismatch"));
  }

  @Test
  void ownership_decides_before_anything_is_written() {
    DesiredTable desired = desired(FIXED_5, List.of());

    assertThat(TableDelta.next(desired, Optional.of(observed("ACTIVE", 1, 1, List.of(), Map.of())), AdoptionPolicy.NONE))
        .isInstanceOfSatisfying(TableAction.Blocked.class, b -> assertThat(b.reason()).isEqualTo("NotOwned"));
    assertThat(TableDelta.next(desired, Optional.of(observed("ACTIVE", 1, 1, List.of(),
        Map.of(OwnerTags.OWNER, "other/tap"))), AdoptionPolicy.ADOPT))
        .isInstanceOfSatisfying(TableAction.Blocked.class, b -> assertThat(b.reason()).isEqualTo("OwnedByAnother"));
    assertThat(TableDelta.next(desired, Optional.of(observed("ACTIVE", 1, 1, List.of(), Map.of())), AdoptionPolicy.ADOPT))
        .isEqualTo(new TableAction.Tag(TAGS, true));
  }

  @Test
  void adopt_expects_a_table_to_exist_and_adopt_or_create_creates_one_but_neither_takes_another_owners() {
    DesiredTable desired = desired(FIXED_5, List.of());

    assertThat(TableDelta.next(desired, Optional.empty(), AdoptionPolicy.ADOPT))
        .isInstanceOfSatisfying(TableAction.Blocked.class, b -> {
          assertThat(b.reason()).isEqualTo("NothingToAdopt");
          assertThat(b.message()).contains(desired.name(), "adopt-or-create");
        });
    assertThat(TableDelta.next(desired, Optional.empty(), AdoptionPolicy.ADOPT_OR_CREATE))
        .isEqualTo(new TableAction.Create(desired));
    assertThat(TableDelta.next(desired, Optional.of(observed("ACTIVE", 1, 1, List.of(), Map.of())),
        AdoptionPolicy.ADOPT_OR_CREATE)).isEqualTo(new TableAction.Tag(TAGS, true));
    assertThat(TableDelta.next(desired, Optional.of(observed("ACTIVE", 1, 1, List.of(),
        Map.of(OwnerTags.OWNER, "other/tap"))), AdoptionPolicy.ADOPT_OR_CREATE))
        .isInstanceOfSatisfying(TableAction.Blocked.class, b -> assertThat(b.reason()).isEqualTo("OwnedByAnother"));
  }

  @Test
  void point_in_time_recovery_and_tags_come_last_and_unmanaged_settings_are_left_alone() {
    DesiredTable desired = desired(FIXED_5, List.of());
    ObservedTable noBackups = new ObservedTable("t-items-dev", "arn", "ACTIVE", ID, 5, 5, List.of(), true, false, TAGS);
    ObservedTable missingTag = observed("ACTIVE", 5, 5, List.of(), Map.of(OwnerTags.OWNER, "ns/tap"));
    DesiredTable unmanaged = new DesiredTable("t-items-dev", ID, FIXED_5, List.of(), null, null, TAGS);
    ObservedTable anything = new ObservedTable("t-items-dev", "arn", "ACTIVE", ID, 5, 5, List.of(), false, null, TAGS);

    assertThat(TableDelta.next(desired, Optional.of(noBackups), AdoptionPolicy.NONE)).isEqualTo(new TableAction.SetPointInTimeRecovery(true));
    assertThat(TableDelta.next(desired, Optional.of(missingTag), AdoptionPolicy.NONE))
        .isEqualTo(new TableAction.Tag(Map.of(OwnerTags.MANAGED_BY, "tap-operator"), false));
    assertThat(TableDelta.next(unmanaged, Optional.of(anything), AdoptionPolicy.NONE)).isInstanceOf(TableAction.InSync.class);
  }
}
