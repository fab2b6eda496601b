package dev.tap.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tap.operator.alarms.AlarmChange;
import dev.tap.operator.function.FunctionAction;
import dev.tap.operator.restapi.RestApiAction;
import dev.tap.operator.rollout.RolloutDecision;
import dev.tap.operator.scaling.ScalingChange;
import dev.tap.operator.table.TableAction;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sealed type's Visitor has one method per permitted subclass, so a new record without its own
 * visitor method fails here; with the method, every visitor that does not handle it fails to compile.
 */
class SealedVisitorsTest {

  private static final String VISITOR = "$Visitor.class";

  /** The sealed interfaces of the operator's main code that declare a nested Visitor. */
  static List<Class<?>> withVisitor() throws Exception {
    Path classes = Path.of(TableAction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(classes)) {
      List<String> names = files.map(f -> classes.relativize(f).toString()).filter(f -> f.endsWith(VISITOR))
          .map(f -> f.substring(0, f.length() - VISITOR.length()).replace(File.separatorChar, '.')).toList();
      List<Class<?>> sealed = new ArrayList<>();
      for (String name : names) {
        Class<?> type = Class.forName(name, false, SealedVisitorsTest.class.getClassLoader());
        if (type.isInterface() && type.isSealed()) {
          sealed.add(type);
        }
      }
      return sealed;
    }
  }

  @Test
  void finds_every_sealed_action_type() throws Exception {
    assertThat(withVisitor()).contains(TableAction.class, FunctionAction.class, RestApiAction.class,
        ScalingChange.class, AlarmChange.class, RolloutDecision.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withVisitor")
  void the_visitor_has_one_method_per_permitted_subclass(Class<?> sealed) throws Exception {
    Class<?> visitor = Class.forName(sealed.getName() + "$Visitor", false, sealed.getClassLoader());
    List<Method> methods = Arrays.stream(visitor.getDeclaredMethods())
        .filter(m -> !m.isSynthetic() && !Modifier.isStatic(m.getModifiers())).toList();

    assertThat(methods).allSatisfy(m -> assertThat(m.getParameterCount()).as(m.getName()).isEqualTo(1));
    assertThat(methods.stream().map(m -> m.getParameterTypes()[0]).toList())
        .as("parameter types of %s's methods", visitor.getName())
        .containsExactlyInAnyOrder(sealed.getPermittedSubclasses());
  }
}
