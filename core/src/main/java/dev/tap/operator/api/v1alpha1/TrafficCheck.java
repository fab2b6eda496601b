package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * One HTTP request a new version must answer as declared: before any traffic shifts, sent to the new
 * version alone (Lambda's Invoke on the version, with the event API Gateway would send); after the last
 * shift, sent through the stage.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TrafficCheck {

  @JsonPropertyDescription("GET (the default), HEAD, POST, PUT, PATCH, DELETE or OPTIONS.")
  @Pattern("^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$")
  private String method;

  @JsonPropertyDescription("The path under the stage, such as /items; a query string may follow.")
  @Required
  @Pattern("^/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$")
  @Size(max = 1024)
  private String path;

  @JsonPropertyDescription("A request body, sent as application/json.")
  @Size(max = 4096)
  private String body;

  @JsonPropertyDescription("The HTTP status the answer must have.")
  @Required
  @Min(100)
  @Max(599)
  private Integer expectStatus;

  @JsonPropertyDescription("Text the answer's body must contain.")
  @Size(max = 1024)
  private String expectBodyContains;

  public String getMethod() {
    return method;
  }

  public void setMethod(String method) {
    this.method = method;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public Integer getExpectStatus() {
    return expectStatus;
  }

  public void setExpectStatus(Integer expectStatus) {
    this.expectStatus = expectStatus;
  }

  public String getExpectBodyContains() {
    return expectBodyContains;
  }

  public void setExpectBodyContains(String expectBodyContains) {
    this.expectBodyContains = expectBodyContains;
  }
}
