package dev.tap.operator.lives;

import dev.tap.operator.kube.RealCluster;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs random lives: sequences of steps drawn from a seed, each in a world of its own, the invariants
 * checked after every step and once the world has settled. A sequence that breaks one is shrunk (steps
 * dropped while it still fails) and printed with the command that replays it.
 */
final class RandomLives {

  /** Steps per sequence: long enough for lives to be created, rolled out, deleted and created again. */
  static final int SEQUENCE_LENGTH = 50;
  /** Resources per world: two, so that one's steps happen while the other's work is under way. */
  static final int LIVES = 2;
  /** Replays a shrink may spend; each costs a world and its steps. */
  private static final int SHRINK_REPLAYS = 12;

  private final RealCluster cluster = RealCluster.get();
  private final PrintStream out;
  private final World.Figures figures = new World.Figures();
  private int checks;

  RandomLives(PrintStream out) {
    this.out = out;
  }

  /** A sequence that broke an invariant: its seed, the shortest failing steps found, and what broke. */
  record Failure(long seed, int length, List<Step> shortest, List<String> violations) {
    String replay() {
      return "test-support/random-lives.sh " + length + " " + seed + " --keep "
          + shortest.stream().map(s -> String.valueOf(s.index())).collect(Collectors.joining(","));
    }
  }

  record Report(int steps, int sequences, int checks, World.Figures figures, List<Failure> failures) {
    int violations() {
      return failures.stream().mapToInt(f -> f.violations().size()).sum();
    }

    String summary() {
      return "AWS calls " + figures.awsCalls + ", faults injected " + figures.faults + ", crashes " + figures.crashes
          + " (restarts " + figures.restarts + ", status lost " + figures.statusLost + "), failovers " + figures.failovers
          + "\nsteps " + steps + ", sequences " + sequences + ", invariant checks " + checks + ", violations "
          + violations();
    }
  }

  /** What one sequence did: the step after which (or -1: at the settle) it broke invariants, and which. */
  private record Outcome(int brokenAt, List<String> violations, String settled) {
    boolean broken() {
      return !violations.isEmpty();
    }
  }

  /**
   * {@code steps} steps in sequences of {@link #SEQUENCE_LENGTH}; the first sequence's seed is {@code seed},
   * so a sequence replays alone from its own seed. {@code keep}, when not empty, keeps only those steps
   * (by index) of each sequence.
   */
  Report run(int steps, long seed, Set<Integer> keep) throws InterruptedException {
    Random seeds = new Random(seed);
    List<Failure> failures = new ArrayList<>();
    int done = 0;
    int sequences = 0;
    for (long sequenceSeed = seed; done < steps; sequenceSeed = seeds.nextLong()) {
      int length = Math.min(SEQUENCE_LENGTH, steps - done);
      List<Step> drawn = Step.draw(sequenceSeed, length, LIVES).stream()
          .filter(step -> keep.isEmpty() || keep.contains(step.index())).toList();
      Outcome outcome = live(drawn, true);
      out.printf("sequence %d, seed %d: %d steps, %s%n", sequences, sequenceSeed, drawn.size(),
          outcome.broken() ? "BROKEN " + outcome.violations() : "no invariant broken; settled: " + outcome.settled());
      if (outcome.broken()) {
        failures.add(shrink(sequenceSeed, length, drawn, outcome));
      }
      done += length;
      sequences++;
    }
    Report report = new Report(done, sequences, checks, figures, failures);
    for (Failure failure : failures) {
      out.println("shortest failing sequence (" + failure.shortest().size() + " steps, seed " + failure.seed() + "): "
          + failure.violations());
      failure.shortest().forEach(step -> out.println("  " + step));
      out.println("replay: " + failure.replay());
    }
    out.println(report.summary());
    return report;
  }

  private Outcome live(List<Step> steps, boolean counted) throws InterruptedException {
    try (World world = new World(cluster, LIVES, counted ? figures : new World.Figures())) {
      try {
        for (Step step : steps) {
          String did = world.apply(step);
          if (counted) {
            out.println("  " + step + ": " + did);
          }
          List<String> violations = world.check();
          if (!violations.isEmpty()) {
            return new Outcome(step.index(), violations, "");
          }
        }
        List<String> violations = world.settle();
        return new Outcome(-1, violations, world.states());
      } finally {
        if (counted) {
          checks += world.checks();
          figures.awsCalls += world.harness.aws.calls().total();
        }
      }
    }
  }

  /** Drops chunks of steps, halving their size, while the sequence still breaks an invariant. */
  private Failure shrink(long seed, int length, List<Step> drawn, Outcome first) throws InterruptedException {
    List<Step> shortest = first.brokenAt() < 0 ? drawn
        : drawn.stream().filter(step -> step.index() <= first.brokenAt()).toList();
    List<String> violations = first.violations();
    int replays = 0;
    for (int chunk = Math.max(1, shortest.size() / 2); chunk >= 1 && replays < SHRINK_REPLAYS; chunk /= 2) {
      for (int start = 0; start < shortest.size() && replays < SHRINK_REPLAYS; ) {
        List<Step> candidate = new ArrayList<>(shortest.subList(0, start));
        candidate.addAll(shortest.subList(Math.min(shortest.size(), start + chunk), shortest.size()));
        if (candidate.isEmpty()) {
          start += chunk;
          continue;
        }
        replays++;
        Outcome outcome = live(candidate, false);
        if (outcome.broken()) {
          shortest = candidate;
          violations = outcome.violations();
        } else {
          start += chunk;
        }
      }
    }
    return new Failure(seed, length, shortest, violations);
  }
}
