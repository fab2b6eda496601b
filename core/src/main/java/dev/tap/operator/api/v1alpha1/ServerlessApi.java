package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One environment of the serverless items API: table, scaling, function, REST API and alarms. */
@Group(ServerlessApi.GROUP)
@Version(ServerlessApi.VERSION)
@ShortNames("sapi")
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "ENV", jsonPath = ".spec.environment")
@AdditionalPrinterColumn(name = "VERSION", jsonPath = ".status.function.serving")
@AdditionalPrinterColumn(name = "ENDPOINT", jsonPath = ".status.api.invokeUrl")
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "SYNCED", priority = 1,
    jsonPath = ".status.conditions[?(@.type==\"ACK.ResourceSynced\")].status")
@AdditionalPrinterColumn(name = "REASON", priority = 1,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason")
@JsonIgnoreProperties(ignoreUnknown = true)
public class ServerlessApi extends CustomResource<ServerlessApiSpec, ServerlessApiStatus>
    implements Namespaced {

  public static final String GROUP = "serverless.tap.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "ServerlessApi";

  /** Required: a resource without one declares nothing the operator could reconcile. */
  @Override
  @Required
  public ServerlessApiSpec getSpec() {
    return super.getSpec();
  }
}
