package dev.tap.operator.aws.simulated.autoscaling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scalable targets or scaling policies by key, listed in the order each key was first put (a key put
 * again keeps its place, as in a LinkedHashMap): the order the Describe calls list them in. An
 * {@link Index} finds those with a given resource id or policy name among those only, still in that
 * order, so that a filtered Describe costs the same however many the region holds.
 */
final class Listing<T> {

  private record Entry<T>(long order, T value) {}

  private final Map<String, Entry<T>> byKey = new LinkedHashMap<>();
  private final List<Index> indexes = new ArrayList<>();
  private long keysPut;

  /** An index by {@code field}, kept as entries are put and removed. */
  Index indexBy(Function<T, String> field) {
    Index index = new Index(field);
    indexes.add(index);
    return index;
  }

  T get(String key) {
    Entry<T> entry = byKey.get(key);
    return entry == null ? null : entry.value();
  }

  int size() {
    return byKey.size();
  }

  List<T> values() {
    return byKey.values().stream().map(Entry::value).toList();
  }

  void put(String key, T value) {
    Entry<T> old = byKey.get(key);
    if (old != null) {
      indexes.forEach(index -> index.remove(key, old));
    }
    Entry<T> entry = new Entry<>(old == null ? keysPut++ : old.order(), value);
    byKey.put(key, entry);
    indexes.forEach(index -> index.add(key, entry));
  }

  /** The value removed; null when there was none. */
  T remove(String key) {
    Entry<T> old = byKey.remove(key);
    if (old == null) {
      return null;
    }
    indexes.forEach(index -> index.remove(key, old));
    return old.value();
  }

  /** The entries by the value of one of their fields. */
  final class Index {

    private final Function<T, String> field;
    private final Map<String, Map<String, Entry<T>>> byField = new HashMap<>();

    private Index(Function<T, String> field) {
      this.field = field;
    }

    /** The values whose field is any of {@code wanted}, in the listing's order. */
    List<T> withAny(Collection<String> wanted) {
      return wanted.stream().distinct().map(byField::get).filter(Objects::nonNull).flatMap(m -> m.values().stream())
          .sorted(Comparator.comparingLong(Entry::order)).map(Entry::value).toList();
    }

    private void add(String key, Entry<T> entry) {
      byField.computeIfAbsent(field.apply(entry.value()), f -> new HashMap<>()).put(key, entry);
    }

    private void remove(String key, Entry<T> entry) {
      String value = field.apply(entry.value());
      Map<String, Entry<T>> entries = byField.get(value);
      entries.remove(key);
      if (entries.isEmpty()) {
        byField.remove(value);
      }
    }
  }
}
