package dev.tap.operator.events;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import dev.tap.operator.naming.Digest;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each AWS change and records it as a core/v1 Event on the ServerlessApi, as client-go's
 * recorder does: one Event per distinct change (resource, reason, message), whose count and
 * lastTimestamp grow when the same change repeats, rather than a new object each time. The Event's
 * name is derived from the change, so a restarted operator finds and counts on the same Event.
 */
public final class KubernetesChangeRecorder implements ChangeRecorder {

  private static final Logger log = LoggerFactory.getLogger(KubernetesChangeRecorder.class);
  private static final String COMPONENT = "tap-operator";
  /** Events remembered for counting; older ones are looked up again (or re-created) when they repeat. */
  private static final int REMEMBERED = 4096;
  private static final int STRIPES = 64;

  private final KubernetesClient client;
  private final Clock clock;
  private final List<BiConsumer<ServerlessApi, String>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Event> recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Event> eldest) {
      return size() > REMEMBERED;
    }
  });
  /**
   * One Event is written by one thread at a time (so a repeat is counted, not created twice); Events
   * of other changes, and other resources, go on meanwhile.
   */
  private final Object[] stripes = new Object[STRIPES];

  public KubernetesChangeRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    Arrays.setAll(stripes, i -> new Object());
  }

  /** Called with the resource and a one-line description of each change. */
  public void addListener(BiConsumer<ServerlessApi, String> listener) {
    listeners.add(listener);
  }

  @Override
  public void awsChange(ServerlessApi api, String reason, String message) {
    String namespace = api.getMetadata().getNamespace();
    String name = api.getMetadata().getName();
    log.info("{}/{}: {}: {}", namespace, name, reason, message);
    listeners.forEach(listener -> listener.accept(api, reason + ": " + message));
    try {
      record(api, reason, message);
    } catch (KubernetesClientException e) {
      // An Event is a courtesy; the change itself happened and is in the log and the status.
      log.warn("{}/{}: could not record event {}: {}", namespace, name, reason, e.getMessage());
    }
  }

  private void record(ServerlessApi api, String reason, String message) {
    String eventName = api.getMetadata().getName() + "." + Digest.shortSha256(api.getMetadata().getUid() + "\n" + reason + "\n" + message);
    synchronized (stripes[Math.floorMod(eventName.hashCode(), STRIPES)]) {
      recordOne(api, eventName, reason, message);
    }
  }

  private void recordOne(ServerlessApi api, String eventName, String reason, String message) {
    String namespace = api.getMetadata().getNamespace();
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    var events = client.v1().events().inNamespace(namespace);
    if (recent.containsKey(eventName)) {
      Optional<Event> counted = countAgain(events.withName(eventName), now);
      if (counted.isPresent()) {
        recent.put(eventName, counted.get());
        return;
      }
      // The API server deleted it (--event-ttl, an hour by default): the change is recorded anew.
      recent.remove(eventName);
    }
    try {
      recent.put(eventName, events.resource(newEvent(api, eventName, reason, message, now)).create());
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // recorded before this operator started: count on it
      countAgain(events.withName(eventName), now).ifPresent(counted -> recent.put(eventName, counted));
    }
  }

  /** The Event counted once more, or empty when it no longer exists. */
  private static Optional<Event> countAgain(Resource<Event> event, String now) {
    try {
      return Optional.ofNullable(event.edit(e -> new EventBuilder(e)
          .withCount(e.getCount() == null ? 2 : e.getCount() + 1).withLastTimestamp(now).build()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static Event newEvent(ServerlessApi api, String eventName, String reason, String message, String now) {
    String namespace = api.getMetadata().getNamespace();
    return new EventBuilder()
        .withNewMetadata().withNamespace(namespace).withName(eventName).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(api.getApiVersion()).withKind(api.getKind())
            .withNamespace(namespace).withName(api.getMetadata().getName()).withUid(api.getMetadata().getUid()).build())
        .withType("Normal").withReason(reason).withMessage(message)
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
  }
}
