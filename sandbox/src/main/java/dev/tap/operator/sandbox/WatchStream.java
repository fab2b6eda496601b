package dev.tap.operator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A watch on ServerlessApis as kubectl reads one ({@code get -w}, {@code wait}, {@code delete --wait}):
 * chunked HTTP, one JSON event per line, after the requested resourceVersion, filtered by name.
 * The CRUD store only watches over WebSocket, so the events come from a watch on the store.
 */
final class WatchStream {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
  private static final String END = "";

  private final KubernetesClient store;
  /** The last state of a deleted object by namespace/name, so a watch opened after the deletion still hears of it. */
  private final Function<String, JsonNode> tombstones;

  WatchStream(KubernetesClient store) {
    this(store, watchDeletions(store));
  }

  WatchStream(KubernetesClient store, Function<String, JsonNode> tombstones) {
    this.store = store;
    this.tombstones = tombstones;
  }

  private static Function<String, JsonNode> watchDeletions(KubernetesClient store) {
    Map<String, JsonNode> deleted = new ConcurrentHashMap<>();
    // Typed, because the front starts before the CRD is installed and a generic client needs discovery.
    store.resources(ServerlessApi.class).inAnyNamespace()
        .watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, ServerlessApi resource) {
            String key = key(resource.getMetadata().getNamespace(), resource.getMetadata().getName());
            if (action == Action.DELETED) {
              // A real API server gives the deletion a resourceVersion of its own, after every version handed
              // out before it; the store keeps the object's last one, which may be older than a list the
              // client made since (other objects, such as Events, move the store's version on).
              ObjectNode tombstone = JSON.valueToTree(resource);
              ((ObjectNode) tombstone.get("metadata")).put("resourceVersion", store.resources(ServerlessApi.class)
                  .inAnyNamespace().list().getMetadata().getResourceVersion());
              deleted.put(key, tombstone);
            } else {
              deleted.remove(key);
            }
          }

          @Override
          public void onClose(WatcherException cause) {
            // The store closes its watches only when it shuts down.
          }
        });
    return deleted::get;
  }

  /**
   * Streams events to {@code out} until the client goes, the store's watch ends, or {@code timeout}
   * passes. {@code render} turns an object into what the event carries (the object, or a Table row).
   */
  void stream(String namespace, String name, long afterResourceVersion, Duration timeout, OutputStream out,
      Function<JsonNode, JsonNode> render) throws IOException {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    var resources = store.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND);
    // The store replays what exists as ADDED when a watch opens; after a resourceVersion a real API
    // server sends only what changed since, and a change to an existing object is MODIFIED.
    Set<String> existing = (namespace == null ? resources.inAnyNamespace().list() : resources.inNamespace(namespace).list())
        .getItems().stream().map(r -> key(r.getMetadata().getNamespace(), r.getMetadata().getName()))
        .collect(Collectors.toSet());
    AtomicBoolean deletionSent = new AtomicBoolean();
    Watcher<GenericKubernetesResource> watcher = new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource resource) {
        JsonNode object = JSON.valueToTree(resource);
        boolean named = name == null || name.equals(object.at("/metadata/name").asText());
        // The store's DELETED event keeps the object's last resourceVersion (a real server gives it a new
        // one), which may be the very version the client listed: a deletion is always news.
        boolean sinceStart = afterResourceVersion == 0 || action == Action.DELETED
            || resourceVersion(object) > afterResourceVersion;
        if (named && sinceStart) {
          boolean known = existing.contains(key(resource.getMetadata().getNamespace(), resource.getMetadata().getName()));
          String type = action == Action.ADDED && known && afterResourceVersion > 0 ? "MODIFIED" : action.name();
          // A named watch hears of one deletion once, whether from the store or from the tombstone below.
          if (action == Action.ADDED) {
            deletionSent.set(false);
          }
          if (name == null || action != Action.DELETED || deletionSent.compareAndSet(false, true)) {
            lines.add(event(type, render.apply(object)));
          }
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        lines.add(END);
      }
    };
    Watch watch = namespace == null ? resources.inAnyNamespace().watch(watcher)
        : resources.inNamespace(namespace).watch(watcher);
    long deadline = System.nanoTime() + (timeout == null ? DEFAULT_TIMEOUT : timeout).toNanos();
    try {
      while (System.nanoTime() < deadline) {
        replayMissedDeletion(namespace, name, afterResourceVersion, deletionSent, lines, render);
        String line = lines.poll(200, TimeUnit.MILLISECONDS);
        if (END.equals(line)) {
          return;
        }
        if (line != null) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watch.close();
    }
  }

  /**
   * A real API server replays a deletion that happened after the client's list. The store's watch can
   * miss one (an object removed while the watch opens), and the tombstone may arrive a moment later, so
   * this looks on every turn until the deletion has been sent.
   */
  private void replayMissedDeletion(String namespace, String name, long afterResourceVersion, AtomicBoolean deletionSent,
      BlockingQueue<String> lines, Function<JsonNode, JsonNode> render) {
    if (namespace == null || name == null || afterResourceVersion == 0 || deletionSent.get()) {
      return;
    }
    JsonNode tombstone = tombstones.apply(key(namespace, name));
    if (tombstone != null && resourceVersion(tombstone) >= afterResourceVersion
        && store.genericKubernetesResources(ServerlessApi.API_VERSION, ServerlessApi.KIND).inNamespace(namespace)
            .withName(name).get() == null
        && deletionSent.compareAndSet(false, true)) {
      lines.add(event(Watcher.Action.DELETED.name(), render.apply(tombstone)));
    }
  }

  private static String event(String type, JsonNode object) {
    ObjectNode event = JSON.createObjectNode().put("type", type);
    event.set("object", object);
    return event.toString();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  static long resourceVersion(JsonNode object) {
    try {
      return Long.parseLong(object.at("/metadata/resourceVersion").asText("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
