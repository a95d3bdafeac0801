package dev.strata.etl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * The second baseline of {@code strata bench engine}: the same parse, typing, rules, last version per case and
 * write of the 311 files as {@link PlainServiceRequestJob}, in DuckDB (in process, through its JDBC driver), to
 * Parquet (DuckDB does not write Delta). The point is where the engine stands beside an in-process engine on one
 * machine, not a race at small sizes.
 *
 * <p>The DuckDB driver is on the launcher's class path only (it is not in the spark-submit jar): elsewhere this
 * baseline says it is not there and the bench goes on without it.
 */
final class DuckDbServiceRequestJob {

    /** The figures of one run: valid rows written, rejected rows written. */
    record Counts(long valid, long rejected) {
    }

    private static final String DRIVER = "org.duckdb.DuckDBDriver";

    /** Whether the DuckDB driver is on the class path. */
    static boolean available() {
        try {
            Class.forName(DRIVER);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private final int threads;

    DuckDbServiceRequestJob(int threads) {
        this.threads = threads;
    }

    Counts run(Path input, Path output) throws SQLException, java.io.IOException {
        Objects.requireNonNull(input, "input is null");
        Files.createDirectories(output);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            sql.execute("SET threads = " + threads);
            sql.execute("SET preserve_insertion_order = false");
            // every field as text, quoted fields may hold line breaks; a line that does not parse is kept aside
            // (store_rejects) instead of failing the read
            sql.execute("CREATE TEMP TABLE raw AS SELECT * FROM read_csv('" + literal(input.resolve("*.csv"))
                    + "', header = true, all_varchar = true, quote = '\"', escape = '\"', delim = ',',"
                    + " strict_mode = false, store_rejects = true, parallel = true)");
            sql.execute("""
                    CREATE TEMP TABLE typed AS SELECT
                      TRY_CAST(trim("OBJECTID") AS BIGINT) AS case_id,
                      nullif(trim("Case Summary"), '') AS case_summary,
                      nullif(trim("Case Status"), '') AS case_status,
                      nullif(trim("Case Source"), '') AS case_source,
                      CAST(try_strptime(trim("Case Created Date"), '%-m/%-d/%Y') AS DATE) AS case_created_date,
                      try_strptime(trim("Case Created dttm"), '%-m/%-d/%Y %-I:%M:%S %p') AS case_created_dttm,
                      CAST(try_strptime(trim("Case Closed Date"), '%-m/%-d/%Y') AS DATE) AS case_closed_date,
                      try_strptime(trim("Case Closed dttm"), '%-m/%-d/%Y %-I:%M:%S %p') AS case_closed_dttm,
                      CASE lower(trim("First Call Resolution")) WHEN 'yes' THEN true WHEN 'no' THEN false END
                        AS first_call_resolution,
                      nullif(trim("Customer Zip Code"), '') AS customer_zip_code,
                      nullif(trim("Incident Address 1"), '') AS incident_address_1,
                      nullif(trim("Incident Address 2"), '') AS incident_address_2,
                      nullif(trim("Incident Intersection 1"), '') AS incident_intersection_1,
                      nullif(trim("Incident Intersection 2"), '') AS incident_intersection_2,
                      nullif(trim("Incident Zip Code"), '') AS incident_zip_code,
                      TRY_CAST(trim("Longitude") AS DOUBLE) AS longitude,
                      TRY_CAST(trim("Latitude") AS DOUBLE) AS latitude,
                      nullif(trim("Agency"), '') AS agency,
                      nullif(trim("Division"), '') AS division,
                      nullif(trim("Major Area"), '') AS major_area,
                      nullif(trim("Type"), '') AS type,
                      nullif(trim("Topic"), '') AS topic,
                      TRY_CAST(trim("Council District") AS INTEGER) AS council_district,
                      TRY_CAST(trim("Police District") AS INTEGER) AS police_district,
                      nullif(trim("Neighborhood"), '') AS neighborhood
                    FROM raw""");
            sql.execute("""
                    CREATE TEMP TABLE checked AS SELECT *, coalesce(
                      case_id IS NOT NULL AND case_created_dttm IS NOT NULL
                      AND (latitude IS NULL OR latitude BETWEEN 39.5 AND 40.1)
                      AND (longitude IS NULL OR longitude BETWEEN -105.3 AND -104.5)
                      AND (council_district IS NULL OR council_district BETWEEN 1 AND 11)
                      AND (police_district IS NULL OR police_district BETWEEN 1 AND 7)
                      AND (incident_zip_code IS NULL OR regexp_full_match(incident_zip_code, '[0-9]{5}'))
                      AND (customer_zip_code IS NULL OR regexp_full_match(customer_zip_code, '[0-9]{5}'))
                      AND (case_summary IS NULL OR length(case_summary) <= 500)
                      AND (case_closed_dttm IS NULL OR case_closed_dttm >= case_created_dttm)
                      AND (case_status IS NULL OR case_status IN ('Closed', 'Open', 'In Progress', 'Pending')),
                      false) AS _valid
                    FROM typed""");
            sql.execute("COPY (SELECT * EXCLUDE (_valid) FROM checked WHERE NOT _valid) TO '"
                    + literal(output.resolve("rejects.parquet")) + "' (FORMAT parquet)");
            sql.execute("COPY (SELECT * EXCLUDE (_valid) FROM checked WHERE _valid"
                    + " QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY case_created_dttm DESC) = 1) TO '"
                    + literal(output.resolve("clean.parquet")) + "' (FORMAT parquet)");
            long valid = count(sql, "SELECT count(*) FROM read_parquet('" + literal(output.resolve("clean.parquet"))
                    + "')");
            long rejected = count(sql, "SELECT count(*) FROM read_parquet('"
                    + literal(output.resolve("rejects.parquet")) + "')") + count(sql, "SELECT count(*) FROM reject_errors");
            return new Counts(valid, rejected);
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String literal(Path path) {
        return path.toAbsolutePath().toString().replace("'", "''");
    }
}
