package dev.tap.operator.function;

import dev.tap.operator.api.v1alpha1.DeploymentStrategy;
import dev.tap.operator.aws.AdoptionPolicy;
import dev.tap.operator.naming.OwnerTags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class FunctionDeltaTest {

  private static final FunctionConfig CONFIG = new FunctionConfig("java21", "h", "arn:aws:iam::123456789012:role/r", 512,
      10, "x86_64", Map.of("TABLE_NAME", "t"), "None");
  private static final CodeRef CODE = new CodeRef("b", "k.jar", null, null);
  private static final Map<String, String> TAGS = Map.of(OwnerTags.OWNER, "dev/tap",
      OwnerTags.MANAGED_BY, "tap-operator");

  private static DesiredFunction desired(String pinned, Integer keep, DeploymentStrategy strategy) {
    return new DesiredFunction("tap-api-dev", CONFIG, CODE, TAGS, "dev/tap", "dev", pinned, keep, strategy);
  }

  private static ObservedFunction observed(String state, String lastUpdate, FunctionConfig config,
      List<ObservedFunction.Version> versions, ObservedFunction.Alias alias) {
    Map<String, String> tags = new java.util.HashMap<>(TAGS);
    tags.put(CodeRef.TAG, CODE.tagValue("sha1"));
    return new ObservedFunction("tap-api-dev", "arn", config, "sha1", null, state, lastUpdate, null, tags, versions,
        Optional.ofNullable(alias));
  }

  private static ObservedFunction.Version version(String number) {
    return new ObservedFunction.Version(number, CONFIG, "sha1", "Active");
  }

  private static FunctionAction next(DesiredFunction desired, ObservedFunction observed) {
    return FunctionDelta.next(desired, Optional.of(observed), AdoptionPolicy.NONE, null);
  }

  @Test
  void nothing_is_sent_while_lambda_is_busy_with_the_function() {
    FunctionConfig other = new FunctionConfig("java21", "h", "arn:aws:iam::123456789012:role/r", 1024, 10, "x86_64",
        Map.of(), "None");

    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce), observed("Pending", null, other, List.of(), null)))
        .isInstanceOf(FunctionAction.Wait.class);
    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce), observed("Active", "InProgress", other, List.of(), null)))
        .isInstanceOf(FunctionAction.Wait.class);
    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce), observed("Active", "Successful", other, List.of(), null)))
        .isEqualTo(new FunctionAction.UpdateConfiguration(CONFIG));
  }

  @Test
  void an_update_lambda_abandoned_is_not_sent_again_but_a_different_one_is() {
    FunctionConfig previous = new FunctionConfig("java21", "h", "arn:aws:iam::123456789012:role/r", 1024, 10, "x86_64",
        Map.of(), "None");
    DesiredFunction desired = desired(null, 5, DeploymentStrategy.AllAtOnce);
    ObservedFunction failed = observed("Active", "Failed", previous, List.of(), null);

    assertThat(FunctionDelta.next(desired, Optional.of(failed), AdoptionPolicy.NONE, desired.updateDigest()))
        .isInstanceOfSatisfying(FunctionAction.Blocked.class, b -> assertThat(b.reason()).isEqualTo("UpdateFailed"));
    assertThat(FunctionDelta.next(desired, Optional.of(failed), AdoptionPolicy.NONE, "an earlier attempt"))
        .isEqualTo(new FunctionAction.UpdateConfiguration(CONFIG));
    assertThat(FunctionDelta.next(desired, Optional.of(observed("Active", "Failed", CONFIG, List.of(), null)),
        AdoptionPolicy.NONE, desired.updateDigest())).as("nothing left to update: the function goes on")
        .isInstanceOf(FunctionAction.Publish.class);
  }

  @Test
  void a_version_is_published_only_when_no_published_version_holds_what_latest_holds() {
    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce), observed("Active", "Successful", CONFIG, List.of(), null)))
        .isInstanceOf(FunctionAction.Publish.class);
    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce),
        observed("Active", "Successful", CONFIG, List.of(version("1")), null)))
        .isEqualTo(new FunctionAction.CreateAlias("1"));
    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce),
        observed("Active", "Successful", CONFIG, List.of(version("1")), new ObservedFunction.Alias("1", Map.of(), null))))
        .isEqualTo(new FunctionAction.InSync("1"));
  }

  @Test
  void a_new_target_is_left_to_the_rollout_whatever_the_strategy_and_waits_for_an_active_version() {
    List<ObservedFunction.Version> two = List.of(version("1"), version("2"));
    ObservedFunction onOne = new ObservedFunction("tap-api-dev", "arn", CONFIG, "sha1", null, "Active", "Successful", null,
        observed("Active", null, CONFIG, two, null).tags(),
        List.of(new ObservedFunction.Version("1", CONFIG, "sha0", "Active"), version("2")),
        Optional.of(new ObservedFunction.Alias("1", Map.of(), null)));

    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce), onOne)).isEqualTo(new FunctionAction.AwaitRollout("2"));
    assertThat(next(desired(null, 5, DeploymentStrategy.Canary), onOne)).isEqualTo(new FunctionAction.AwaitRollout("2"));
    assertThat(next(desired("1", 5, DeploymentStrategy.Canary), onOne)).isEqualTo(new FunctionAction.InSync("1"));
    assertThat(next(desired("7", 5, DeploymentStrategy.AllAtOnce), onOne))
        .isInstanceOfSatisfying(FunctionAction.Blocked.class, b -> assertThat(b.reason()).isEqualTo("VersionNotFound"));
    ObservedFunction snapStarting = observed("Active", "Successful", CONFIG,
        List.of(new ObservedFunction.Version("1", CONFIG, "sha1", "Pending")), null);
    assertThat(next(desired(null, 5, DeploymentStrategy.AllAtOnce), snapStarting)).isInstanceOf(FunctionAction.Wait.class);
  }

  @Test
  void retention_keeps_the_routed_versions_and_the_newest_old_ones() {
    List<ObservedFunction.Version> five = List.of(version("1"), version("2"), version("3"), version("4"), version("5"));
    ObservedFunction routed = new ObservedFunction("tap-api-dev", "arn", CONFIG, "sha1", null, "Active", "Successful", null,
        observed("Active", null, CONFIG, five, null).tags(), five, Optional.of(new ObservedFunction.Alias("5", Map.of("1", 0.1), null)));

    assertThat(next(desired(null, 2, DeploymentStrategy.AllAtOnce), routed)).as("nothing deleted mid-rollout")
        .isEqualTo(new FunctionAction.AwaitRollout("5"));
    ObservedFunction settled = new ObservedFunction("tap-api-dev", "arn", CONFIG, "sha1", null, "Active", "Successful", null,
        routed.tags(), five, Optional.of(new ObservedFunction.Alias("5", Map.of(), null)));
    assertThat(next(desired(null, 2, DeploymentStrategy.AllAtOnce), settled))
        .isEqualTo(new FunctionAction.DeleteVersions(List.of("1", "2")));
    assertThat(next(desired(null, null, DeploymentStrategy.AllAtOnce), settled)).isEqualTo(new FunctionAction.InSync("5"));
  }
}
