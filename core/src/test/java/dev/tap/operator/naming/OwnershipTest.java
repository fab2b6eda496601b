package dev.tap.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.naming.Ownership.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OwnershipTest {

  private static final String OURS = "shop/items";

  private static Map<String, String> tags(String owner) {
    Map<String, String> tags = new HashMap<>(Map.of("team", "payments"));
    if (owner != null) {
      tags.put(OwnerTags.OWNER, owner);
    }
    return tags;
  }

  /** owner tag (null: none), adoption policy, expected kind. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(OURS, AdoptionPolicy.NONE, Kind.OURS),
        Arguments.of(OURS, AdoptionPolicy.ADOPT, Kind.OURS),
        Arguments.of("shop/other", AdoptionPolicy.NONE, Kind.FOREIGN),
        Arguments.of("shop/other", AdoptionPolicy.ADOPT_OR_CREATE, Kind.FOREIGN),
        // An empty value is still another owner's tag: only a missing tag makes a resource adoptable.
        Arguments.of("", AdoptionPolicy.ADOPT, Kind.FOREIGN),
        Arguments.of(null, AdoptionPolicy.NONE, Kind.UNTAGGED),
        Arguments.of(null, AdoptionPolicy.ADOPT, Kind.ADOPTABLE),
        Arguments.of(null, AdoptionPolicy.ADOPT_OR_CREATE, Kind.ADOPTABLE));
  }

  @ParameterizedTest(name = "tag {0}, policy {1}: {2}")
  @MethodSource("cases")
  void the_owner_tag_and_the_adoption_policy_decide(String ownerTag, AdoptionPolicy adoption, Kind expected) {
    Ownership fromTags = Ownership.of(tags(ownerTag), OURS, adoption);
    Ownership fromTag = Ownership.ofTag(ownerTag, OURS, adoption);

    assertThat(fromTags).isEqualTo(fromTag).isEqualTo(new Ownership(expected, ownerTag));
    assertThat(Ownership.ours(tags(ownerTag), OURS)).isEqualTo(expected == Kind.OURS);
  }

  @ParameterizedTest(name = "policy {0}")
  @EnumSource(AdoptionPolicy.class)
  void no_tags_at_all_is_untagged(AdoptionPolicy adoption) {
    assertThat(Ownership.of(null, OURS, adoption).kind()).isEqualTo(adoption.adopts() ? Kind.ADOPTABLE : Kind.UNTAGGED);
    assertThat(Ownership.ours(null, OURS)).isFalse();
  }
}
