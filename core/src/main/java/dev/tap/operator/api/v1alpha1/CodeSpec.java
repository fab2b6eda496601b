package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where Lambda finds the function code: an S3 object or a container image. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.s3Bucket) != has(self.imageUri)", message = "exactly one of s3Bucket (with s3Key) or imageUri must be set")
@ValidationRule(value = "has(self.s3Bucket) == has(self.s3Key)", message = "s3Bucket and s3Key must be set together", fieldPath = ".s3Key")
@ValidationRule(value = "!has(self.s3ObjectVersion) || has(self.s3Key)", message = "s3ObjectVersion needs s3Bucket and s3Key", fieldPath = ".s3ObjectVersion")
@JsonIgnoreProperties(ignoreUnknown = true)
public class CodeSpec {

  @JsonPropertyDescription("S3 bucket of the deployment package.")
  @Pattern("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
  private String s3Bucket;

  @JsonPropertyDescription("S3 key of the deployment package.")
  @Size(min = 1, max = 1024)
  private String s3Key;

  @JsonPropertyDescription("S3 object version of the deployment package.")
  @Size(min = 1, max = 1024)
  private String s3ObjectVersion;

  @JsonPropertyDescription("ECR image URI of the function.")
  @Pattern("^[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/[a-z0-9._/-]+([:@].+)?$")
  private String imageUri;

  public String getS3Bucket() {
    return s3Bucket;
  }

  public void setS3Bucket(String s3Bucket) {
    this.s3Bucket = s3Bucket;
  }

  public String getS3Key() {
    return s3Key;
  }

  public void setS3Key(String s3Key) {
    this.s3Key = s3Key;
  }

  public String getS3ObjectVersion() {
    return s3ObjectVersion;
  }

  public void setS3ObjectVersion(String s3ObjectVersion) {
    this.s3ObjectVersion = s3ObjectVersion;
  }

  public String getImageUri() {
    return imageUri;
  }

  public void setImageUri(String imageUri) {
    this.imageUri = imageUri;
  }
}
