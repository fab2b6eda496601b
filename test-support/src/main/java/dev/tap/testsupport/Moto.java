package dev.tap.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * moto's server, an independent AWS implementation (Python), on a free loopback port: one process
 * serves every service the operator uses. Maven installs it before the tests run
 * (test-support/install-test-tools.sh). It is lenient (nothing is asynchronous, few validations):
 * a check of what the real SDK clients send over the wire, not a model of AWS.
 */
public final class Moto implements AutoCloseable {

  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  private final Process process;
  private final int port;

  private Moto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Moto start() {
    try {
      int port = freePort();
      Process process = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Moto moto = new Moto(process, port);
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest ping = HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/")).build();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("moto's server exited with " + process.exitValue()
              + ": is moto[server] installed for python3? ('mvn verify' installs it)");
        }
        return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      });
      return moto;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start moto's server (python3 -m moto.server)", e);
    }
  }

  /**
   * What an account holds before the operator creates a function: the execution role (in moto's IAM)
   * and the deployment package (in moto's S3), as CreateFunction needs them there.
   */
  public void holdFunctionPrerequisites(String roleName, String bucket, String key) {
    try (IamClient iam = IamClient.builder().endpointOverride(endpoint()).region(Region.AWS_GLOBAL)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build()) {
      iam.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
          + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }
    try (S3Client s3 = s3()) {
      s3.createBucket(r -> r.bucket(bucket));
    }
    putArtifact(bucket, key, key);
  }

  /** A deployment package at {@code key} in an existing bucket; a different {@code content} gives different code. */
  public void putArtifact(String bucket, String key, String content) {
    try (S3Client s3 = s3()) {
      s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(zipWithOneFile(content)));
    }
  }

  private S3Client s3() {
    return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
  }

  private static byte[] zipWithOneFile(String content) {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("handler.txt"));
      zip.write(("a stand-in for the handler: " + content).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() {
    process.destroy();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
