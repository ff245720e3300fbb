package dev.affinity.features.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {
    private static final ProfileFields FIELDS = ProfileFields.customerProfiles();
    private static final LocalDateTime NOW = LocalDateTime.of(2011, 9, 1, 0, 0);

    private static Object[] profile(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return FIELDS.row(m);
    }

    private static final Object[] ALICE = profile(
            "city",
            "New York",
            "country",
            "United States",
            "frequency",
            4,
            "monetary",
            640.0,
            "avg_order_value",
            160.0,
            "recency_days",
            12,
            "last_order_at",
            LocalDateTime.of(2011, 8, 20, 9, 30),
            "signup_date",
            LocalDate.of(2010, 1, 1),
            "churn_tier",
            "low",
            "churn_score",
            12.5);

    private static Boolean eval(String rule, Object[] row) {
        return (Boolean) RuleCompiler.compile("s", rule, FIELDS, n -> n.equals("VIP") ? 0 : -1)
                .root()
                .eval(row, new Rule.Context(NOW, new boolean[] {true}));
    }

    @Test
    void theExamplesOfTheBrief() {
        assertThat(eval("frequency > 3 and avg_order_value > 100", ALICE)).isTrue();
        assertThat(eval("city == \"New York\" and recency_days <= 30 and monetary >= 500", ALICE))
                .isTrue();
        assertThat(eval("city == 'Boston' or monetary < 100", ALICE)).isFalse();
    }

    @Test
    void precedenceOfNotAndOrAndArithmetic() {
        // and binds tighter than or: true or (false and false) = true; (true or false) and false = false.
        assertThat(eval("frequency > 3 or frequency > 10 and monetary < 0", ALICE))
                .isTrue();
        assertThat(eval("(frequency > 3 or frequency > 10) and monetary < 0", ALICE))
                .isFalse();
        // not binds tighter than and: (not false) and true.
        assertThat(eval("not frequency > 10 and monetary > 600", ALICE)).isTrue();
        assertThat(eval("not (frequency > 3 and monetary > 600)", ALICE)).isFalse();
        // * before +, left-associative - and /: 2 + 3 * 4 = 14; 20 - 5 - 5 = 10; 640 / 4 / 2 = 80.
        assertThat(eval("2 + 3 * 4 == 14", ALICE)).isTrue();
        assertThat(eval("20 - 5 - 5 == 10", ALICE)).isTrue();
        assertThat(eval("monetary / frequency / 2 == 80", ALICE)).isTrue();
        assertThat(eval("-frequency + 5 == 1", ALICE)).isTrue();
        assertThat(eval("monetary % 100 == 40", ALICE)).isTrue();
    }

    @Test
    void inBetweenAndEveryFunction() {
        assertThat(eval("country in ('United Kingdom', 'United States')", ALICE))
                .isTrue();
        assertThat(eval("country not in ('United Kingdom', 'United States')", ALICE))
                .isFalse();
        assertThat(eval("frequency between 4 and 4", ALICE)).isTrue();
        assertThat(eval("monetary between 0 and 639.99", ALICE)).isFalse();
        // 2011-08-20 09:30 to 2011-09-01 00:00 is 11 whole days.
        assertThat(eval("days_since(last_order_at) == 11", ALICE)).isTrue();
        assertThat(eval("days_since(signup_date) == 608", ALICE)).isTrue();
        assertThat(eval("lower(city) == 'new york' and upper(city) == 'NEW YORK'", ALICE))
                .isTrue();
        assertThat(eval("length(city) == 8 and contains(city, 'York')", ALICE)).isTrue();
        assertThat(eval("abs(0 - monetary) == 640 and round(churn_score) == 13", ALICE))
                .isTrue();
        assertThat(eval("min(frequency, 2) == 2 and max(frequency, 2) == 4", ALICE))
                .isTrue();
        assertThat(eval("coalesce(favourite_category, 'none') == 'none'", ALICE))
                .isTrue();
        assertThat(eval("is_missing(favourite_category) and not is_missing(city)", ALICE))
                .isTrue();
        assertThat(eval("in_segment('VIP') and churn_tier == 'low'", ALICE)).isTrue();
        assertThat(eval("TRUE == true AND NOT false", ALICE)).isTrue();
        assertThat(eval("if(monetary >= 500, 'Gold', 'Silver') == 'Gold'", ALICE))
                .isTrue();
        assertThat(eval("is_missing(if(favourite_category == 'x', 1, 2))", ALICE))
                .isTrue();
    }

    @Test
    void missingValuesAreUnknownNotZero() {
        Object[] nobody = profile("frequency", 0);
        assertThat(eval("monetary < 100", nobody)).isNull();
        assertThat(eval("not (monetary < 100)", nobody)).isNull();
        assertThat(eval("monetary < 100 or frequency == 0", nobody)).isTrue();
        assertThat(eval("monetary < 100 and frequency > 0", nobody)).isFalse();
        assertThat(eval("frequency / 0 > 1", nobody)).isNull(); // division by zero is missing
        Rule rule = RuleCompiler.compile("s", "monetary < 100", FIELDS, n -> -1);
        assertThat(rule.matches(nobody, new Rule.Context(NOW, new boolean[0]))).isFalse();
    }

    @Test
    void errorsNameTheSegmentThePositionAndTheField() {
        assertThatThrownBy(() -> eval("frequncy > 3", ALICE))
                .isInstanceOfSatisfying(RuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("frequncy");
                    assertThat(e.position()).isEqualTo(1);
                })
                .hasMessageStartingWith("segment 's': rule position 1: unknown field 'frequncy'");
        assertThatThrownBy(() -> eval("Frequency > 3", ALICE)).hasMessageContaining("did you mean 'frequency'");
        assertThatThrownBy(() -> eval("frequency > 3 and city > 2", ALICE))
                .isInstanceOfSatisfying(
                        RuleException.class, e -> assertThat(e.field()).isEqualTo("city"))
                .hasMessageContaining("rule position 24: cannot compare a string with a number");
        assertThatThrownBy(() -> eval("frequency > ", ALICE))
                .hasMessageContaining("rule position 13: the rule ends where a value is expected");
        assertThatThrownBy(() -> eval("frequency = 3", ALICE)).hasMessageContaining("rule position 11: use '=='");
        assertThatThrownBy(() -> eval("(frequency > 3", ALICE))
                .hasMessageContaining("rule position 15: expected ')', got the end of the rule");
        assertThatThrownBy(() -> eval("frequency > 3 monetary", ALICE))
                .hasMessageContaining("rule position 15: unexpected 'monetary'");
        assertThatThrownBy(() -> eval("frequency + 1", ALICE)).hasMessageContaining("is a number, not a condition");
        assertThatThrownBy(() -> eval("city and frequency > 1", ALICE))
                .hasMessageContaining("rule position 1: 'and' needs a boolean, got a string (field 'city')");
        assertThatThrownBy(() -> eval("system('rm -rf /')", ALICE))
                .hasMessageContaining("rule position 1: unknown function 'system'");
        assertThatThrownBy(() -> eval("days_since(city) > 3", ALICE))
                .hasMessageContaining("rule position 12: days_since needs a timestamp");
        assertThatThrownBy(() -> eval("min(frequency) > 3", ALICE))
                .hasMessageContaining("min takes 2 arguments, got 1");
        assertThatThrownBy(() -> eval("in_segment('Nope')", ALICE))
                .hasMessageContaining("rule position 12: in_segment: no segment named 'Nope'");
        assertThatThrownBy(() -> eval("city == 'New York", ALICE))
                .hasMessageContaining("rule position 9: the string is not closed");
        assertThatThrownBy(() -> eval("frequency > 3 ; drop", ALICE))
                .hasMessageContaining("rule position 15: unexpected character ';'");
        assertThatThrownBy(() -> eval("frequency between 1 or 3", ALICE))
                .hasMessageContaining("expected 'and' after the lower bound");
        assertThatThrownBy(() -> eval("country in ('UK', 3)", ALICE))
                .hasMessageContaining("'in' lists number among string");
        assertThatThrownBy(() -> eval("(".repeat(100) + "true" + ")".repeat(100), ALICE))
                .hasMessageContaining("nests deeper than 64");
        assertThatThrownBy(() -> eval("  ", ALICE)).hasMessageContaining("the rule is empty");
        assertThatThrownBy(() -> eval("if(true, 'a', 1) == 'a'", ALICE))
                .hasMessageContaining("rule position 15: if needs two branches of one type, got string and number");
    }
}
