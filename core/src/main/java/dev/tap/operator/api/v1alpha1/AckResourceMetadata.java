package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the AWS resources live, as ACK reports it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AckResourceMetadata {

  @JsonPropertyDescription("AWS account that owns the resources.")
  private String ownerAccountID;

  @JsonPropertyDescription("AWS region of the resources.")
  private String region;

  public String getOwnerAccountID() {
    return ownerAccountID;
  }

  public void setOwnerAccountID(String ownerAccountID) {
    this.ownerAccountID = ownerAccountID;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }
}
