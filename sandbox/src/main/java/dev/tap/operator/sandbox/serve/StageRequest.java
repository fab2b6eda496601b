package dev.tap.operator.sandbox.serve;

import java.util.List;
import java.util.Map;

/** One HTTP request to a stage: the path is the part after the stage's name. */
record StageRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
    String sourceIp) {}
