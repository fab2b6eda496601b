package dev.tap.operator.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outcomes of one reconcile, kept by dependent name (several dependents may share a class), and
 * read back in workflow order. The workflow may run independent dependents on several threads.
 */
public final class Outcomes {

  private final List<String> order;
  private final Map<String, DependentOutcome> byName = new ConcurrentHashMap<>();

  public Outcomes(List<String> order) {
    this.order = List.copyOf(order);
  }

  public void put(String dependent, DependentOutcome outcome) {
    byName.put(dependent, outcome);
  }

  public Optional<DependentOutcome> get(String dependent) {
    return Optional.ofNullable(byName.get(dependent));
  }

  public <O extends DependentOutcome> Optional<O> get(String dependent, Class<O> type) {
    return get(dependent).filter(type::isInstance).map(type::cast);
  }

  /** The first outcome of a type, for a dependent that builds on another's (scaling on the table's). */
  public <O extends DependentOutcome> Optional<O> find(Class<O> type) {
    return inOrder().stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The outcomes of the dependents that ran, in workflow order. */
  public List<DependentOutcome> inOrder() {
    return order.stream().filter(byName::containsKey).map(byName::get).toList();
  }
}
