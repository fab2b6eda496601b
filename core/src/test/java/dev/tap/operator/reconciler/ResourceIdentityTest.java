package dev.tap.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.api.v1alpha1.AckResourceMetadata;
import dev.tap.operator.api.v1alpha1.ServerlessApiStatus;
import dev.tap.operator.api.v1alpha1.TableStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceIdentityTest {

  private static final ResourceIdentity DEV = new ResourceIdentity("dev", "us-east-1", "tap-items-dev", "id (S)");

  @Test
  void nothing_recorded_means_nothing_to_compare() {
    assertThat(ResourceIdentity.recorded(null, DEV)).isEmpty();
    assertThat(ResourceIdentity.recorded(new ServerlessApiStatus(), DEV)).isEmpty();
  }

  @Test
  void what_is_recorded_comes_back_and_an_equal_identity_is_accepted() {
    ServerlessApiStatus status = new ServerlessApiStatus();
    DEV.record(status);

    assertThat(ResourceIdentity.recorded(status, DEV)).contains(DEV);
    assertThat(DEV.refusal(DEV)).isEmpty();
  }

  @Test
  void a_status_from_before_identities_keeps_its_table_and_region() {
    ServerlessApiStatus old = new ServerlessApiStatus();
    TableStatus table = new TableStatus();
    table.setName("tap-items-dev");
    old.setTable(table);
    AckResourceMetadata metadata = new AckResourceMetadata();
    metadata.setRegion("us-east-1");
    old.setAckResourceMetadata(metadata);
    ResourceIdentity qa = new ResourceIdentity("qa", "us-east-1", "tap-items-qa", "id (S)");

    Optional<ResourceIdentity> recorded = ResourceIdentity.recorded(old, qa);

    assertThat(recorded.flatMap(r -> r.refusal(qa))).get().asString()
        .startsWith("the table's name cannot change from tap-items-dev to tap-items-qa");
    assertThat(recorded.flatMap(r -> r.refusal(DEV))).isEmpty();
  }

  @Test
  void each_refusal_names_the_field_and_the_value_aws_holds() {
    assertThat(DEV.refusal(new ResourceIdentity("dev", "eu-west-1", "tap-items-dev", "id (S)"))).get().asString()
        .startsWith("the region cannot change from 'us-east-1' to 'eu-west-1'");
    assertThat(DEV.refusal(new ResourceIdentity("qa", "us-east-1", "tap-items-qa", "id (S)"))).get().asString()
        .startsWith("spec.environment cannot change from 'dev' to 'qa': the AWS resources are named after it (table tap-items-dev)");
    assertThat(DEV.refusal(new ResourceIdentity("dev", "us-east-1", "tap-items-dev", "pk (N)"))).get().asString()
        .startsWith("spec.table.partitionKey cannot change from id (S) to pk (N)");
  }
}
