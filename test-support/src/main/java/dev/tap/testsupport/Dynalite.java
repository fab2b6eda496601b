package dev.tap.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * dynalite, an independent DynamoDB implementation from the npm registry, on a free loopback port.
 * Maven installs it from the project's package.json before any test runs (test-support/install-test-tools.sh).
 */
public final class Dynalite implements AutoCloseable {

  public static final Path PROJECT_ROOT = findRoot();
  private static final Path CLI = PROJECT_ROOT.resolve("node_modules/dynalite/cli.js");

  private final Process process;
  private final int port;

  private Dynalite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Dynalite start() {
    try {
      if (!Files.exists(CLI)) {
        throw new IllegalStateException("dynalite is not installed at " + CLI
            + ": run the tests with 'mvn verify', which installs it (test-support/install-test-tools.sh)");
      }
      int port = Moto.freePort();
      Process process = new ProcessBuilder("node", CLI.toString(), "--port", Integer.toString(port),
          "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Dynalite dynalite = new Dynalite(process, port);
      try (DynamoDbClient client = dynalite.client()) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
            .until(() -> client.listTables().tableNames() != null);
      }
      return dynalite;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start dynalite", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public DynamoDbClient client() {
    return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().build()).build();
  }

  /** The items table as the operator creates it: key {@code id}, index createdDate/createdAt. */
  public static void createItemsTable(DynamoDbClient client, String table, String index) {
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
        .attributeDefinitions(List.of(
            AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("createdDate").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("createdAt").attributeType(ScalarAttributeType.S).build()))
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .globalSecondaryIndexes(g -> g.indexName(index)
            .keySchema(k -> k.attributeName("createdDate").keyType(KeyType.HASH),
                k -> k.attributeName("createdAt").keyType(KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
        client.describeTable(r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE);
  }

  @Override
  public void close() {
    process.destroy();
  }

  private static Path findRoot() {
    Path dir = new File("").getAbsoluteFile().toPath();
    while (dir != null && !Files.exists(dir.resolve("package.json"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("package.json not found above " + new File("").getAbsolutePath());
    }
    return dir;
  }
}
