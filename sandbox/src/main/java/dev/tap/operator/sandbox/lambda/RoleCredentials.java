package dev.tap.operator.sandbox.lambda;

/** The execution role's temporary credentials, which Lambda hands the runtime in its environment. */
public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {}
