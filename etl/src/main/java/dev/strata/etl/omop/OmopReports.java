package dev.strata.etl.omop;

import dev.strata.etl.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The readable side of an OMOP conversion's report tables: mapping coverage, the most frequent unmapped
 * codes and the data-quality results, as Markdown files under {@code <lake>/reports/omop/} and as a short
 * summary. The tables themselves ({@code curated.omop_*}) are what a dashboard or a later run compares.
 */
public final class OmopReports {

    private final SparkSession spark;
    private final Lake lake;

    public OmopReports(SparkSession spark, Lake lake) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
    }

    public String location() {
        return lake.root() + "/reports/omop";
    }

    /** Writes both reports and returns what they found. */
    public Outcome write() {
        List<Row> coverage = spark.sql("SELECT cdm_table, cdm_field, source_vocabulary, rows, mapped_rows, "
                + "mapped_share, source_codes, unmapped_codes FROM curated.omop_mapping_coverage "
                + "ORDER BY cdm_table, cdm_field, source_vocabulary").collectAsList();
        List<Row> unmapped = spark.sql("SELECT cdm_table, cdm_field, source_vocabulary, rank, source_code, rows, "
                + "share_of_rows FROM curated.omop_unmapped_codes "
                + "ORDER BY cdm_table, cdm_field, source_vocabulary, rank").collectAsList();
        List<Row> checks = spark.sql("SELECT check_name, category, cdm_table, cdm_field, violated_rows, total_rows, "
                + "violated_pct, threshold_pct, status, description FROM curated.omop_dq_results "
                + "ORDER BY status, cdm_table, cdm_field, check_name").collectAsList();

        StringBuilder mapping = new StringBuilder("# OMOP mapping coverage\n\n")
                .append("Share of rows that got a standard concept, per CDM field and source vocabulary.\n\n")
                .append("| table | field | source vocabulary | rows | mapped | share | codes | unmapped codes |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : coverage) {
            mapping.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %.1f%% | %,d | %,d |%n",
                    r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
                    100 * r.getDouble(5), r.getLong(6), r.getLong(7)));
        }
        mapping.append("\n## Most frequent unmapped source codes\n\n")
                .append("| table | field | source vocabulary | rank | code | rows | share of rows |\n")
                .append("|---|---|---|---:|---|---:|---:|\n");
        for (Row r : unmapped) {
            mapping.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | `%s` | %,d | %.1f%% |%n",
                    r.getString(0), r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getLong(5),
                    100 * r.getDouble(6)));
        }
        lake.writeText(location() + "/mapping_coverage.md", mapping.toString());

        List<String> failed = new ArrayList<>();
        StringBuilder quality = new StringBuilder("# OMOP data quality\n\n");
        long passed = checks.stream().filter(r -> r.getString(8).equals("PASS")).count();
        quality.append(String.format(Locale.ROOT, "%d checks: %d passed, %d failed. A check fails when the share "
                + "of violating rows is above its threshold.%n%n", checks.size(), passed, checks.size() - passed));
        quality.append("| status | check | category | table | field | violated | rows | violated % | threshold % |\n")
                .append("|---|---|---|---|---|---:|---:|---:|---:|\n");
        for (Row r : checks) {
            quality.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,d | %,d | %.2f | %.0f |%n",
                    r.getString(8), r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
                    r.getLong(5), r.getDouble(6), r.getDouble(7)));
            if (r.getString(8).equals("FAIL")) {
                failed.add(String.format(Locale.ROOT, "%s %s.%s: %,d of %,d rows (%.2f%% > %.0f%%) - %s",
                        r.getString(0), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5),
                        r.getDouble(6), r.getDouble(7), r.getString(9)));
            }
        }
        lake.writeText(location() + "/data_quality.md", quality.toString());
        double rows = 0;
        double mapped = 0;
        for (Row r : coverage) {
            rows += r.getLong(3);
            mapped += r.getLong(4);
        }
        return new Outcome(checks.size(), failed, rows == 0 ? 0 : mapped / rows, location());
    }

    /** What the reports found: the checks that failed, and the share of mapped rows over all fields. */
    public record Outcome(int checks, List<String> failed, double mappedShare, String location) {

        public Outcome {
            failed = List.copyOf(failed);
        }
    }
}
