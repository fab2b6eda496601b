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
  private final Map<String, DependentOutcome> trusted = new ConcurrentHashMap<>();

  public Outcomes(List<String> order) {
    this.order = List.copyOf(order);
  }

  /** Outcomes read by an earlier reconcile that this one uses instead of reading AWS again. */
  public void trust(Map<String, DependentOutcome> outcomes) {
    trusted.putAll(outcomes);
  }

  /** The trusted outcome of a dependent, if any. */
  public <O extends DependentOutcome> Optional<O> trusted(String dependent, Class<O> type) {
    return Optional.ofNullable(trusted.get(dependent)).filter(type::isInstance).map(type::cast);
  }

  /** The outcomes so far, by dependent name. */
  public Map<String, DependentOutcome> named() {
    return Map.copyOf(byName);
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
