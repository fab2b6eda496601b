package dev.tap.operator.aws.simulated;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * When each change in flight settles, soonest first: a service's state adds a resource here each time it
 * starts a change, with the time it settles, and settles only the resources {@link #due} gives, so that a
 * call costs the same however many resources the account holds. A resource changed again is added again;
 * the earlier time comes due too, and settling a resource with nothing due leaves it as it was.
 * Used under its state's lock.
 */
public final class Deadlines<T> {

  private record Deadline<T>(Instant at, T resource) {}

  private final PriorityQueue<Deadline<T>> soonestFirst = new PriorityQueue<>(Comparator.comparing(Deadline::at));

  public void add(T resource, Instant settlesAt) {
    soonestFirst.add(new Deadline<>(settlesAt, resource));
  }

  /** The resources with a time not after {@code now}, each once, taken off. */
  public Set<T> due(Instant now) {
    Set<T> due = new LinkedHashSet<>();
    while (!soonestFirst.isEmpty() && !now.isBefore(soonestFirst.peek().at())) {
      due.add(soonestFirst.poll().resource());
    }
    return due;
  }
}
