package dev.tap.operator.lives;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One step of a random life: its kind, which of the world's resources it acts on, a number from which
 * it draws its details (so a step does the same thing when replayed alone), and how far the clock
 * jumps after it. {@code index} is its place in the sequence drawn, kept when a shrink drops others.
 */
record Step(int index, StepKind kind, int life, long details, int jumpSeconds) {

  private static final int TOTAL_WEIGHT = Arrays.stream(StepKind.values()).mapToInt(k -> k.weight).sum();

  /**
   * The sequence of {@code count} steps that {@code seed} draws, over {@code lives} resources; it begins
   * by creating each of them, since most kinds of step act on a resource that exists.
   */
  static List<Step> draw(long seed, int count, int lives) {
    Random random = new Random(seed);
    List<Step> steps = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Most steps let a few seconds pass, some a minute or two: rollouts move on minutes.
      int jump = random.nextInt(4) == 0 ? 30 + random.nextInt(120) : random.nextInt(10);
      StepKind kind = kind(random.nextInt(TOTAL_WEIGHT));
      int life = random.nextInt(lives);
      steps.add(i < lives ? new Step(i, StepKind.CREATE, i, random.nextLong(), jump)
          : new Step(i, kind, life, random.nextLong(), jump));
    }
    return steps;
  }

  private static StepKind kind(int draw) {
    int upTo = 0;
    for (StepKind kind : StepKind.values()) {
      upTo += kind.weight;
      if (draw < upTo) {
        return kind;
      }
    }
    throw new IllegalStateException("weights sum to " + TOTAL_WEIGHT);
  }

  Random random() {
    return new Random(details);
  }

  @Override
  public String toString() {
    return "#" + index + " " + kind + " on " + (char) ('a' + life) + ", then +" + jumpSeconds + " s";
  }
}
