package dev.tap.operator.events;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each AWS change and records it as a core/v1 Event on the ServerlessApi. */
public final class KubernetesChangeRecorder implements ChangeRecorder {

  private static final Logger log = LoggerFactory.getLogger(KubernetesChangeRecorder.class);
  private static final String COMPONENT = "tap-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final List<BiConsumer<ServerlessApi, String>> listeners = new CopyOnWriteArrayList<>();

  public KubernetesChangeRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
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
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    Event event = new EventBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name + "." + UUID.randomUUID()).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(api.getApiVersion()).withKind(api.getKind())
            .withNamespace(namespace).withName(name).withUid(api.getMetadata().getUid()).build())
        .withType("Normal").withReason(reason).withMessage(message)
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      // An Event is a courtesy; the change itself happened and is in the log and the status.
      log.warn("{}/{}: could not record event {}: {}", namespace, name, reason, e.getMessage());
    }
  }
}
