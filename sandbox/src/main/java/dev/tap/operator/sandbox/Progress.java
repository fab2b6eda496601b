package dev.tap.operator.sandbox;

import java.io.PrintWriter;

/** Timestamped progress lines, seconds since the sandbox started; silent when output is JSON. */
final class Progress {

  private final PrintWriter out;
  private final boolean enabled;
  private final long started = System.nanoTime();

  Progress(PrintWriter out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  synchronized void line(String text) {
    if (enabled) {
      out.printf("[%6.2fs] %s%n", (System.nanoTime() - started) / 1e9, text);
      out.flush();
    }
  }
}
