package dev.tap.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Re2PatternsTest {

  /** pattern | value (Java escapes) | whether RE2 finds a match, as the API server would. */
  @ParameterizedTest(name = "{0} on \"{1}\" -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      ^[a-z]+$        | dev\\n     | false
      ^[a-z]+$        | dev        | true
      ^[a-z]+$        | Dev        | false
      [0-9]$          | v1         | true
      [0-9]$          | v1\\n      | false
      ^a[$]b$         | a$b        | true
      ^a\\$$          | a$         | true
      ^a\\$$          | a$\\n      | false
      ^[]$]+$         | ]$]        | true
      ^[^]]+$         | ab         | true
      ^[^]]+$         | a]         | false
      (?m)^[a-z]+$    | dev\\nqa   | true
      ^a.b$           | a\\rb      | true
      ^a.b$           | a\\nb      | false
      """)
  void dollar_is_the_end_of_the_input_and_only_a_newline_ends_a_line(String pattern, String value, boolean matches) {
    String unescaped = value.replace("\\n", "\n").replace("\\r", "\r");

    assertThat(Re2Patterns.FACTORY.getRegularExpression(pattern).matches(unescaped)).isEqualTo(matches);
  }
}
