package dev.tap.operator.lives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random lives on the real API server: the short run of every build, 200 steps from a fixed seed (so a
 * build's failure replays). {@code test-support/random-lives.sh STEPS [SEED]} runs a long one through
 * the same test: {@code -Dlives.steps}, {@code -Dlives.seed}, {@code -Dlives.keep}.
 */
class RandomLivesTest {

  private static final long BUILD_SEED = 20261205L;

  @Test
  void random_lives_break_no_invariant() throws Exception {
    int steps = Integer.getInteger("lives.steps", 200);
    long seed = Long.getLong("lives.seed", BUILD_SEED);
    String keep = System.getProperty("lives.keep", "");
    Set<Integer> kept = keep.isBlank() ? Set.of()
        : Arrays.stream(keep.split(",")).map(String::trim).map(Integer::valueOf).collect(Collectors.toSet());

    RandomLives.Report report = new RandomLives(System.out).run(steps, seed, kept);
    write(report);

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.steps()).isEqualTo(steps);
    assertThat(report.checks()).as("invariants checked").isGreaterThan(steps * 5);
  }

  /** The figures, for random-lives.sh to print last. */
  private static void write(RandomLives.Report report) throws IOException {
    Path file = Path.of("target", "random-lives.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report.summary() + System.lineSeparator());
  }
}
