package dev.tap.operator.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps that forget the least recently used entry past a size: what is remembered per resource, for any number of them. */
public final class BoundedMaps {

  private BoundedMaps() {}

  /** A thread-safe map of at most {@code size} entries, the least recently used forgotten first. */
  public static <K, V> Map<K, V> leastRecentlyUsed(int size) {
    return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > size;
      }
    });
  }
}
