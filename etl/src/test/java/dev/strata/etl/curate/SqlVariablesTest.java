package dev.strata.etl.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.UserError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard on what a pipeline's variables may put into its SQL. */
class SqlVariablesTest {

    @Test
    void plainValuesAreBoundEverywhereTheyAreNamed() {
        assertThat(SqlVariables.bind("SELECT * FROM clean.t WHERE ${flag} AND n < ${limit} OR n = ${limit}",
                Map.of("flag", "true", "limit", "2.5e3"), "s"))
                .isEqualTo("SELECT * FROM clean.t WHERE true AND n < 2.5e3 OR n = 2.5e3");
        assertThat(SqlVariables.bind("SELECT '$notavariable', '${'", Map.of(), "s"))
                .isEqualTo("SELECT '$notavariable', '${'");
        assertThat(SqlVariables.bind("SELECT ${v}", Map.of("v", "a$1\\b".replace("$1\\", "-")), "s"))
                .isEqualTo("SELECT a-b");
    }

    @Test
    void anUndeclaredVariableNamesTheStepAndTheVariable() {
        assertThatThrownBy(() -> SqlVariables.bind("SELECT ${missing}", Map.of("other", "1"), "daily"))
                .isInstanceOf(UserError.class).hasMessageContaining("daily").hasMessageContaining("${missing}")
                .hasMessageContaining("variables:");
    }

    @Test
    void aValueThatCouldCarrySqlIsRefused() {
        for (String value : new String[] {"1; DROP TABLE x", "x' OR '1'='1", "a b", "", "1)--", "${other}"}) {
            assertThatThrownBy(() -> SqlVariables.bind("SELECT * FROM t WHERE v = ${v}", Map.of("v", value), "s"))
                    .as(value).isInstanceOf(UserError.class).hasMessageContaining("cannot be used in SQL");
        }
    }
}
