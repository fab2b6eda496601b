package dev.tap.operator.aws.simulated.lambda;

import java.util.Map;

/**
 * What Lambda keeps of a function's configuration and code, and snapshots into a published version.
 * {@code snapStart} is ApplyOn ({@code PublishedVersions} or {@code None}); code is either an S3
 * object ({@code packageType} Zip) or an image URI ({@code packageType} Image).
 */
public record FunctionSettings(String runtime, String handler, String role, int memorySize, int timeout,
    String architecture, Map<String, String> environment, String snapStart, String deadLetterTarget,
    String packageType, String s3Bucket, String s3Key, String s3ObjectVersion, String imageUri) {

  public FunctionSettings {
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /** The same settings with other code. */
  FunctionSettings withCode(String bucket, String key, String objectVersion, String image) {
    return new FunctionSettings(runtime, handler, role, memorySize, timeout, architecture, environment, snapStart,
        deadLetterTarget, image == null ? "Zip" : "Image", bucket, key, objectVersion, image);
  }

  /** Where the code comes from: what its CodeSha256 is a digest of here. */
  String codeLocation() {
    return imageUri != null ? imageUri : "s3://" + s3Bucket + "/" + s3Key + (s3ObjectVersion == null ? "" : "?versionId=" + s3ObjectVersion);
  }
}
