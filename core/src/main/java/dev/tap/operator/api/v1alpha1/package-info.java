/**
 * The ServerlessApi custom resource, v1alpha1: the Java types the CRD in {@code crds/} is generated
 * from. Every type tolerates unknown fields ({@code @JsonIgnoreProperties(ignoreUnknown = true)}):
 * a CRD newer than the operator, or an API server that does not prune, must never stop the operator's
 * informer; {@code validate} and the sandbox's API server report unknown fields instead.
 */
package dev.tap.operator.api.v1alpha1;
