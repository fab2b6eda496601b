package dev.tap.operator.cli.plugin;

import dev.tap.operator.cli.TapOperatorCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** kubectl tap run in this JVM, as {@code bin/kubectl-tap} runs it: a command, its resource, a namespace and kubeconfig. */
public final class KubectlTap {

  /** The exit code, and what was said on stdout and stderr together. */
  public record Said(int exit, String out) {}

  private KubectlTap() {}

  public static Said run(Path kubeconfig, String namespace, String name, String... command) {
    CommandLine line = TapOperatorCommand.commandLine();
    StringWriter said = new StringWriter();
    line.setOut(new PrintWriter(said, true));
    line.setErr(new PrintWriter(said, true));
    List<String> all = new ArrayList<>(List.of("tap"));
    all.addAll(List.of(command));
    all.addAll(List.of(name, "-n", namespace, "--kubeconfig", kubeconfig.toString()));
    return new Said(line.execute(all.toArray(String[]::new)), said.toString());
  }
}
