package dev.tap.operator;

import dev.tap.operator.api.v1alpha1.ServerlessApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A CRUD mock API server whose watches of ServerlessApis deliver every event {@code lag} late (in
 * order), as a busy API server or a slow network makes an informer's cache lag behind what the
 * server holds: the operator's reads can be older than its own last write.
 */
public final class LaggingWatchDispatcher extends KubernetesCrudDispatcher {

  private final Duration lag;
  private final List<ServerlessApi> stored = new CopyOnWriteArrayList<>();

  public LaggingWatchDispatcher(Duration lag) {
    this.lag = lag;
  }

  /** Every state of a ServerlessApi the server stored, in order: what a watch without lag would see. */
  public List<ServerlessApi> storedServerlessApis() {
    return List.copyOf(stored);
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    if (newState != null && path.contains("/serverlessapis")) {
      stored.add(Serialization.unmarshal(newState, ServerlessApi.class));
    }
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
  }

  @Override
  public MockResponse handleWatch(String path) {
    MockResponse response = super.handleWatch(path);
    if (!path.contains("/serverlessapis")) {
      return response;
    }
    return response.withWebSocketUpgrade(new Lagging(response.getWebSocketListener(), lag));
  }

  /** Hands the watch a socket whose sends go out {@code lag} later, one after the other. */
  private static final class Lagging extends WebSocketListener {
    private final WebSocketListener watch;
    private final Duration lag;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "lagging-watch");
      thread.setDaemon(true);
      return thread;
    });

    Lagging(WebSocketListener watch, Duration lag) {
      this.watch = watch;
      this.lag = lag;
    }

    @Override
    public void onOpen(WebSocket socket, Response response) {
      watch.onOpen(new WebSocket() {
        @Override
        public RecordedRequest request() {
          return socket.request();
        }

        @Override
        public boolean send(String text) {
          sender.schedule(() -> socket.send(text), lag.toMillis(), TimeUnit.MILLISECONDS);
          return true;
        }

        @Override
        public boolean send(byte[] bytes) {
          sender.schedule(() -> socket.send(bytes), lag.toMillis(), TimeUnit.MILLISECONDS);
          return true;
        }

        @Override
        public boolean close(int code, String reason) {
          sender.shutdown();
          return socket.close(code, reason);
        }
      }, response);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      watch.onMessage(socket, text);
    }

    @Override
    public void onMessage(WebSocket socket, ByteString bytes) {
      watch.onMessage(socket, bytes);
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      watch.onClosing(socket, code, reason);
    }

    @Override
    public void onClosed(WebSocket socket, int code, String reason) {
      sender.shutdown();
      watch.onClosed(socket, code, reason);
    }

    @Override
    public void onFailure(WebSocket socket, Throwable failure, Response response) {
      sender.shutdown();
      watch.onFailure(socket, failure, response);
    }
  }
}
