package dev.strata.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * A pipeline's lake published through the CLI to moto's Glue and to PostgreSQL, checked on the way: every
 * curated table registered in Glue has its Spectrum twin and is loaded with as many rows as its Delta table, and
 * loading again adds no row.
 *
 * @param curatedTables the curated tables registered in Glue (without the Spectrum twins), sorted
 * @param rows each curated table's row count, the same in the lake and in the warehouse
 */
record PublishedLake(List<String> curatedTables, Map<String, Long> rows, CliRun publish, CliRun reload) {

    static PublishedLake publish(Path lake, String spec, String curatedDatabase, String schema, MotoAws aws,
            EmbeddedWarehouse warehouse) {
        List<String> args = new ArrayList<>(List.of("publish", "--spec", spec, "--lake", lake.toString(),
                "--catalog", "glue", "--redshift-url", warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER));
        args.addAll(aws.options());
        CliRun publish = CliRun.of(args.toArray(String[]::new));
        assertThat(publish.exitCode()).as(publish.toString()).isZero();

        List<String> names = aws.tables(curatedDatabase).stream().map(Table::name).toList();
        List<String> curated = names.stream().filter(n -> !n.endsWith("_spectrum")).sorted().toList();
        assertThat(curated).isNotEmpty();
        assertThat(names).hasSize(2 * curated.size())
                .containsAll(curated.stream().map(n -> n + "_spectrum").toList());
        Map<String, Long> rows = LakeCounts.curated(lake, curated);
        assertThat(warehouse.counts(schema)).isEqualTo(rows);

        CliRun reload = CliRun.of("redshift", "load", "--spec", spec, "--lake", lake.toString(), "--redshift-url",
                warehouse.url(), "--redshift-user", EmbeddedWarehouse.USER);
        assertThat(reload.exitCode()).as(reload.toString()).isZero();
        assertThat(warehouse.counts(schema)).isEqualTo(rows);
        return new PublishedLake(curated, rows, publish, reload);
    }
}
