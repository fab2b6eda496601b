package dev.tap.operator.function;

import dev.tap.operator.naming.Digest;

/**
 * Where the function's code comes from. Lambda does not say which S3 object it was built from, so the
 * operator tags the function with a digest of the location and the CodeSha256 Lambda reported for it:
 * code is in sync when that tag matches the wanted location and the code Lambda runs now.
 */
public record CodeRef(String s3Bucket, String s3Key, String s3ObjectVersion, String imageUri) {

  static final String TAG = "tap.dev/code";

  String location() {
    return imageUri != null ? imageUri
        : "s3://" + s3Bucket + "/" + s3Key + (s3ObjectVersion == null ? "" : "?versionId=" + s3ObjectVersion);
  }

  /** The tag value for this code built into {@code codeSha256}. */
  String tagValue(String codeSha256) {
    return Digest.shortSha256(location()) + ":" + codeSha256;
  }
}
