package dev.tap.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The stage's access logs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AccessLogSpec {

  @JsonPropertyDescription("ARN of the CloudWatch Logs log group (or Firehose stream) that receives the access logs.")
  @Required
  @Pattern("^arn:aws[a-z-]*:(logs|firehose):.+")
  private String destinationArn;

  @JsonPropertyDescription("One line per request, with $context variables, such as $context.requestId $context.status.")
  @Required
  private String format;

  public String getDestinationArn() {
    return destinationArn;
  }

  public void setDestinationArn(String destinationArn) {
    this.destinationArn = destinationArn;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }
}
