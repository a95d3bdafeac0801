package dev.strata.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GlueDatabasesTest {

    @Test
    void namesEachZonesDatabaseWithThePrefixUnlessOverridden() {
        GlueDatabases databases = GlueDatabases.withPrefix("strata_").withOverride("curated", "warehouse");

        assertThat(databases.database("clean")).isEqualTo("strata_clean");
        assertThat(databases.database("curated")).isEqualTo("warehouse");
        assertThat(GlueDatabases.withPrefix("").database("clean")).isEqualTo("clean");
    }

    @Test
    void findsTheZoneOfADatabase() {
        GlueDatabases databases = GlueDatabases.withPrefix("strata_").withOverride("curated", "warehouse");

        assertThat(databases.zone("strata_clean")).contains("clean");
        assertThat(databases.zone("warehouse")).contains("curated");
        assertThat(databases.zone("strata_curated")).isEmpty();
        assertThat(databases.zone("analytics")).isEmpty();
        assertThat(databases.zone("strata_")).isEmpty();
    }

    @Test
    void refusesNamesGlueOrAthenaWouldNotTake() {
        assertThatThrownBy(() -> GlueDatabases.withPrefix("Strata-"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Glue database prefix must be lower-case letters, digits or '_', cannot be: 'Strata-'");
        assertThatThrownBy(() -> GlueDatabases.withPrefix("").withOverride("clean", "Clean DB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Glue database name must be 1 to 255 lower-case letters, digits or '_', cannot be: "
                        + "'Clean DB'");
        assertThatThrownBy(() -> new GlueDatabases("", Map.of("clean", "lake", "curated", "lake")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("zones (clean|curated) and (clean|curated) cannot share the Glue database lake");
        assertThatThrownBy(() -> GlueDatabases.withPrefix("x").database("Clean"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zone must match [a-z][a-z0-9_]*, cannot be: 'Clean'");
        assertThatThrownBy(() -> GlueDatabases.withPrefix("x".repeat(250)).database("curated"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
