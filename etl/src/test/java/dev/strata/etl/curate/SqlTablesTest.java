package dev.strata.etl.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.engine.EngineTestSession;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tables of a statement as Spark parses it. */
class SqlTablesTest {

    private final SqlTables tables = new SqlTables(EngineTestSession.get());

    @Test
    void joinsSubqueriesAndUnionsAreRead() {
        SqlTables.Reads reads = tables.of("""
                SELECT p.person_id, v.visit_id FROM clean.patients p
                JOIN `curated`.`visits` v ON v.person_id = p.person_id
                WHERE p.id IN (SELECT id FROM work.keep) AND EXISTS (SELECT 1 FROM clean.flags f WHERE f.id = p.id)
                UNION ALL SELECT 1, 2 FROM quarantine.patients
                """);
        assertThat(reads.qualified()).containsExactlyInAnyOrder("clean.patients", "curated.visits", "work.keep",
                "clean.flags", "quarantine.patients");
        assertThat(reads.other()).isEmpty();
        assertThat(reads.onlyIn(Set.of("clean", "curated", "work", "quarantine"))).isTrue();
        assertThat(reads.onlyIn(Set.of("clean", "curated", "work"))).isFalse();
    }

    @Test
    void commentsLiteralsAndColumnNamesAreNotTables() {
        SqlTables.Reads reads = tables.of("""
                -- built from clean.old_table, see curated.other
                SELECT 'clean.not_a_table' AS note, p.clean_id /* work.nothing */ FROM clean.patients p
                """);
        assertThat(reads.qualified()).containsExactly("clean.patients");
        assertThat(reads.other()).isEmpty();
    }

    @Test
    void commonTableExpressionsAreTheStatementsOwn() {
        SqlTables.Reads reads = tables.of("""
                WITH firsts AS (SELECT * FROM clean.admissions), lasts AS (SELECT * FROM firsts)
                SELECT * FROM lasts JOIN curated.person USING (person_id)
                """);
        assertThat(reads.qualified()).containsExactlyInAnyOrder("clean.admissions", "curated.person");
        assertThat(reads.other()).isEmpty();
    }

    @Test
    void pathsAndUnplacedNamesAreReportedApart() {
        SqlTables.Reads reads = tables.of("SELECT * FROM delta.`/data/lake/t` JOIN somewhere USING (id)"
                + " JOIN spark_catalog.db.t3 USING (id)");
        assertThat(reads.qualified()).isEmpty();
        assertThat(reads.other()).containsExactlyInAnyOrder("delta./data/lake/t", "somewhere", "spark_catalog.db.t3");
        assertThat(reads.onlyIn(Set.of("clean", "delta"))).isFalse();
    }

    @Test
    void aStatementSparkCannotParseSaysWhere() {
        assertThatThrownBy(() -> tables.of("SELEC * FROM clean.x")).hasMessageContaining("SELEC");
    }
}
