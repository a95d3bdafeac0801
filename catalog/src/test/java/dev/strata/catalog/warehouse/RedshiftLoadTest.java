package dev.strata.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedshiftLoadTest {

    private static final StructType COLUMNS = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("name", DataTypes.StringType)
            .add("amount", DataTypes.createDecimalType(12, 2))
            .add("created_at", DataTypes.TimestampType)
            .add("created_date", DataTypes.DateType)
            .add("active", DataTypes.BooleanType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType));

    private static final String ROLE = "arn:aws:iam::123456789012:role/strata-load";

    private static EmbeddedPostgres postgres;
    private Connection connection;
    private final List<String> log = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void connect() throws SQLException {
        connection = postgres.getPostgresDatabase().getConnection();
    }

    @AfterEach
    void disconnect() throws SQLException {
        connection.close();
    }

    private static TableDefinition table(String schema, List<String> keys) {
        return TableDefinition.builder(schema, "requests", COLUMNS)
                .primaryKey(keys)
                .partitionColumns(List.of("created_date"))
                .layout(RedshiftLayout.distributedBy("id", List.of("created_date")))
                .varcharLength("name", 20)
                .build();
    }

    private static Object[] row(long id, String name, String amount, boolean active) {
        return new Object[] {id, name, new BigDecimal(amount), Timestamp.valueOf("2024-03-01 10:40:02"),
                Date.valueOf("2024-03-01"), active, "[\"pothole\", \"" + name + "\"]"};
    }

    private static Iterator<Object[]> rows(Object[]... rows) {
        return List.of(rows).iterator();
    }

    private LoadResult load(TableDefinition table, Iterator<Object[]> rows) {
        LoadPlan plan = LoadPlan.withoutCopy(table, WarehouseFlavor.POSTGRESQL);
        return new RedshiftLoad(plan).execute(connection, new BatchInsert(rows, 2), log::add);
    }

    private List<String> contents(String schema) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM \"" + schema + "\".\"requests\" ORDER BY 1, 2")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rows.getObject(i)));
                }
                result.add(String.join("|", values));
            }
        }
        return result;
    }

    @Test
    void copyLoadStatementsAreExact() {
        LoadPlan plan = LoadPlan.fromManifest(table("curated", List.of("id")),
                "s3a://strata-lake/curated/requests/_manifests/run-1.manifest", ROLE, WarehouseFlavor.REDSHIFT);
        RedshiftLoad load = new RedshiftLoad(plan);
        List<String> statements = load.statements(plan.copyFromManifest());
        assertThat(plan.copyFromManifest().statements(load.stage())).containsExactly(
                "COPY \"strata_stage\" FROM 's3://strata-lake/curated/requests/_manifests/run-1.manifest'"
                        + " IAM_ROLE 'arn:aws:iam::123456789012:role/strata-load' FORMAT AS PARQUET MANIFEST");
        String columns = "\"id\", \"name\", \"amount\", \"created_at\", \"created_date\", \"active\", \"tags\"";
        assertThat(statements).containsExactly(
                "CREATE SCHEMA IF NOT EXISTS \"curated\"",
                new TableDdl(plan.table()).redshift(WarehouseFlavor.REDSHIFT),
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                        + " ORDER BY ordinal_position",
                "CREATE TEMP TABLE \"strata_stage\" (LIKE \"curated\".\"requests\")",
                "COPY \"strata_stage\" FROM 's3://strata-lake/curated/requests/_manifests/run-1.manifest'"
                        + " IAM_ROLE 'arn:aws:iam::123456789012:role/strata-load' FORMAT AS PARQUET MANIFEST",
                "SELECT COUNT(*) FROM \"strata_stage\"",
                "SELECT COUNT(*) FROM \"strata_stage\" WHERE \"id\" IS NULL",
                "CREATE TEMP TABLE \"strata_stage_unique\" (LIKE \"curated\".\"requests\")",
                "INSERT INTO \"strata_stage_unique\" (" + columns + ") SELECT " + columns + " FROM (SELECT " + columns
                        + ", ROW_NUMBER() OVER (PARTITION BY \"id\" ORDER BY \"id\", \"name\", \"amount\", \"created_at\","
                        + " \"created_date\", \"active\") AS \"strata_row\" FROM \"strata_stage\") AS \"ranked\""
                        + " WHERE \"strata_row\" = 1",
                "SELECT COUNT(*) FROM \"curated\".\"requests\"",
                "MERGE INTO \"curated\".\"requests\" USING \"strata_stage_unique\""
                        + " ON \"curated\".\"requests\".\"id\" = \"strata_stage_unique\".\"id\""
                        + " WHEN MATCHED THEN UPDATE SET \"name\" = \"strata_stage_unique\".\"name\","
                        + " \"amount\" = \"strata_stage_unique\".\"amount\","
                        + " \"created_at\" = \"strata_stage_unique\".\"created_at\","
                        + " \"created_date\" = \"strata_stage_unique\".\"created_date\","
                        + " \"active\" = \"strata_stage_unique\".\"active\","
                        + " \"tags\" = \"strata_stage_unique\".\"tags\""
                        + " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (\"strata_stage_unique\".\"id\","
                        + " \"strata_stage_unique\".\"name\", \"strata_stage_unique\".\"amount\","
                        + " \"strata_stage_unique\".\"created_at\", \"strata_stage_unique\".\"created_date\","
                        + " \"strata_stage_unique\".\"active\", \"strata_stage_unique\".\"tags\")",
                "SELECT COUNT(*) FROM \"curated\".\"requests\"",
                "DROP TABLE \"strata_stage_unique\"",
                "DROP TABLE \"strata_stage\"",
                "COMMIT");
        assertThat(load.stage().insertStatement()).isEqualTo("INSERT INTO \"strata_stage\" (" + columns
                + ") VALUES (?, ?, ?, ?, ?, ?, JSON_PARSE(?))");
    }

    @Test
    void loadCreatesSchemaAndTableThenAgainChangesNothing() throws SQLException {
        TableDefinition table = table("fresh", List.of("id"));
        LoadResult first = load(table, rows(row(2, "bob", "7.25", false), row(1, "alice", "12.50", true),
                row(3, "carol", "0.01", true)));
        List<String> expected = List.of(
                "1|alice|12.50|2024-03-01 10:40:02.0|2024-03-01|true|[\"pothole\", \"alice\"]",
                "2|bob|7.25|2024-03-01 10:40:02.0|2024-03-01|false|[\"pothole\", \"bob\"]",
                "3|carol|0.01|2024-03-01 10:40:02.0|2024-03-01|true|[\"pothole\", \"carol\"]");
        assertThat(contents("fresh")).isEqualTo(expected);
        assertThat(first.table()).isEqualTo("fresh.requests");
        assertThat(List.of(first.rowsStaged(), first.duplicateRowsDropped(), first.rowsInserted(), first.rowsUpdated(),
                first.rowsDeleted())).containsExactly(3L, 0L, 3L, 0L, 0L);
        assertThat(log).first().isEqualTo("CREATE SCHEMA IF NOT EXISTS \"fresh\"");
        assertThat(log).last().isEqualTo("COMMIT");

        LoadResult again = load(table, rows(row(2, "bob", "7.25", false), row(1, "alice", "12.50", true),
                row(3, "carol", "0.01", true)));
        assertThat(contents("fresh")).isEqualTo(expected);
        assertThat(List.of(again.rowsStaged(), again.rowsInserted(), again.rowsUpdated())).containsExactly(3L, 0L, 3L);
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void changedRowIsUpdatedAndNewRowInserted() throws SQLException {
        TableDefinition table = table("updates", List.of("id"));
        load(table, rows(row(1, "alice", "12.50", true), row(2, "bob", "7.25", false)));
        LoadResult result = load(table, rows(row(2, "bobby", "8.00", true), row(4, "dave", "1.00", false)));
        assertThat(contents("updates")).containsExactly(
                "1|alice|12.50|2024-03-01 10:40:02.0|2024-03-01|true|[\"pothole\", \"alice\"]",
                "2|bobby|8.00|2024-03-01 10:40:02.0|2024-03-01|true|[\"pothole\", \"bobby\"]",
                "4|dave|1.00|2024-03-01 10:40:02.0|2024-03-01|false|[\"pothole\", \"dave\"]");
        assertThat(List.of(result.rowsInserted(), result.rowsUpdated())).containsExactly(1L, 1L);
    }

    @Test
    void duplicateKeysAreLoadedOnceTheSameRowEachTime() throws SQLException {
        TableDefinition table = table("duplicates", List.of("id"));
        LoadResult result = load(table, rows(row(1, "zed", "1.00", true), row(1, "amy", "2.00", true),
                row(2, "bob", "7.25", false), row(1, "zed", "1.00", true)));
        assertThat(contents("duplicates")).containsExactly(
                "1|amy|2.00|2024-03-01 10:40:02.0|2024-03-01|true|[\"pothole\", \"amy\"]",
                "2|bob|7.25|2024-03-01 10:40:02.0|2024-03-01|false|[\"pothole\", \"bob\"]");
        assertThat(List.of(result.rowsStaged(), result.duplicateRowsDropped(), result.rowsInserted()))
                .containsExactly(4L, 2L, 2L);
    }

    @Test
    void keylessTableIsReplacedWhole() throws SQLException {
        TableDefinition table = table("keyless", List.of());
        load(table, rows(row(1, "alice", "12.50", true), row(2, "bob", "7.25", false)));
        LoadResult result = load(table, rows(row(3, "carol", "0.01", true)));
        assertThat(contents("keyless")).containsExactly(
                "3|carol|0.01|2024-03-01 10:40:02.0|2024-03-01|true|[\"pothole\", \"carol\"]");
        assertThat(List.of(result.rowsStaged(), result.rowsInserted(), result.rowsDeleted()))
                .containsExactly(1L, 1L, 2L);
        assertThat(log).contains("DELETE FROM \"keyless\".\"requests\"").doesNotContain("MERGE");
    }

    @Test
    void valueOfTheWrongTypeHalfWayRollsBackEverything() throws SQLException {
        TableDefinition table = table("badtype", List.of("id"));
        load(table, rows(row(1, "alice", "12.50", true), row(2, "bob", "7.25", false)));
        List<String> before = contents("badtype");
        Object[] bad = row(5, "eve", "1.00", true);
        bad[0] = "not a number";
        assertThatThrownBy(() -> load(table, rows(row(2, "bobby", "9.99", true), row(3, "carol", "0.01", true),
                row(4, "dan", "3.00", true), bad)))
                .isInstanceOf(WarehouseLoadException.class)
                .hasMessageStartingWith("load of badtype.requests failed at INSERT into stage: ERROR: column \"id\" is of"
                        + " type bigint but expression is of type character varying")
                .hasMessageNotContaining("\n");
        assertThat(contents("badtype")).isEqualTo(before);
        assertThat(log).last().isEqualTo("ROLLBACK");
        assertThat(connection.getAutoCommit()).isTrue();
        load(table, rows(row(3, "carol", "0.01", true)));
        assertThat(contents("badtype")).hasSize(3);
    }

    @Test
    void fillThatFailsAfterSomeRowsRollsBack() throws SQLException {
        TableDefinition table = table("brokenfill", List.of());
        load(table, rows(row(1, "alice", "12.50", true)));
        List<String> before = contents("brokenfill");
        Iterator<Object[]> failing = new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object[] next() {
                if (given == 3) {
                    throw new IllegalStateException("source file truncated");
                }
                given++;
                return row(10 + given, "row" + given, "1.00", true);
            }
        };
        assertThatThrownBy(() -> load(table, failing))
                .isInstanceOf(WarehouseLoadException.class)
                .hasMessage("load of brokenfill.requests failed at INSERT into stage: source file truncated");
        assertThat(contents("brokenfill")).isEqualTo(before);
    }

    @Test
    void failureAfterTheMergeRollsBackTheMergedRows() throws SQLException {
        TableDefinition table = table("latefailure", List.of("id"));
        load(table, rows(row(1, "alice", "12.50", true)));
        List<String> before = contents("latefailure");
        LoadPlan plan = LoadPlan.withoutCopy(table, WarehouseFlavor.POSTGRESQL);
        RedshiftLoad load = new RedshiftLoad(plan);
        assertThatThrownBy(() -> load.execute(connection, new BatchInsert(rows(row(1, "changed", "1.00", false),
                row(2, "bob", "7.25", false))), sql -> {
                    log.add(sql);
                    if (sql.equals("DROP TABLE \"strata_stage\"")) {
                        throw new IllegalStateException("log sink closed");
                    }
                }))
                .isInstanceOf(WarehouseLoadException.class)
                .hasMessage("load of latefailure.requests failed at DROP TABLE: log sink closed");
        assertThat(log).anyMatch(sql -> sql.startsWith("MERGE INTO \"latefailure\".\"requests\""));
        assertThat(contents("latefailure")).isEqualTo(before);
    }

    @Test
    void nullKeyFailsTheLoad() throws SQLException {
        TableDefinition table = TableDefinition.builder("nullkey", "requests",
                        new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType))
                .primaryKey(List.of("name")).build();
        load(table, rows(new Object[] {1L, "a"}));
        assertThatThrownBy(() -> load(table, rows(new Object[] {2L, "b"}, new Object[] {3L, null})))
                .isInstanceOf(WarehouseLoadException.class)
                .hasMessage("load of nullkey.requests failed at INSERT into stage: ERROR: null value in column \"name\""
                        + " of relation \"strata_stage\" violates not-null constraint");
        assertThat(contents("nullkey")).containsExactly("1|a");
    }

    @Test
    void newColumnIsAddedByAlterTable() throws SQLException {
        StructType twoColumns = new StructType().add("id", DataTypes.LongType, false).add("name", DataTypes.StringType);
        load(TableDefinition.builder("evolve", "requests", twoColumns).primaryKey(List.of("id")).build(),
                rows(new Object[] {1L, "alice"}, new Object[] {2L, "bob"}));
        StructType threeColumns = twoColumns.add("score", DataTypes.DoubleType);
        TableDefinition wider = TableDefinition.builder("evolve", "requests", threeColumns).primaryKey(List.of("id")).build();
        log.clear();
        load(wider, rows(new Object[] {2L, "bob", 0.5}, new Object[] {3L, "carol", 1.5}));
        assertThat(log).contains("ALTER TABLE \"evolve\".\"requests\" ADD COLUMN \"score\" DOUBLE PRECISION");
        assertThat(contents("evolve")).containsExactly("1|alice|null", "2|bob|0.5", "3|carol|1.5");
        assertThat(new RedshiftLoad(LoadPlan.withoutCopy(wider, WarehouseFlavor.POSTGRESQL))
                .statements(new BatchInsert(List.<Object[]>of().iterator()), List.of("id", "name")))
                .contains("ALTER TABLE \"evolve\".\"requests\" ADD COLUMN \"score\" DOUBLE PRECISION");

        TableDefinition reordered = TableDefinition.builder("evolve", "requests",
                new StructType().add("name", DataTypes.StringType).add("id", DataTypes.LongType)).build();
        assertThatThrownBy(() -> load(reordered, rows(new Object[] {"x", 9L})))
                .isInstanceOf(WarehouseLoadException.class)
                .hasMessageContaining("failed at column check: the target's columns [id, name, score] are not the first");
        assertThat(contents("evolve")).hasSize(3);
    }

    @Test
    void connectionsOpenPostgresqlWithThePasswordFromTheNamedVariable() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        WarehouseConnections connections = new WarehouseConnections(
                name -> name.equals("STRATA_TEST_PASSWORD") ? "s3cret-value" : null);
        assertThat(connections.flavor(url)).isEqualTo(WarehouseFlavor.POSTGRESQL);
        assertThat(connections.flavor("jdbc:redshift:iam://cluster:us-east-1/dev")).isEqualTo(WarehouseFlavor.REDSHIFT);
        try (Connection opened = connections.open(url, Optional.of("postgres"), Optional.of("STRATA_TEST_PASSWORD"))) {
            assertThat(opened.isValid(5)).isTrue();
        }
        // PostgreSQL may trust the client (as this test server does): an unset variable sends no password
        try (Connection trusted = connections.open(url, Optional.of("postgres"), Optional.of("STRATA_REDSHIFT_PASSWORD"))) {
            assertThat(trusted.isValid(5)).isTrue();
        }
        // without any password variable, and with the user named in the URL
        try (Connection trusted = connections.open(url + "?user=postgres", Optional.empty(), Optional.empty())) {
            assertThat(trusted.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> connections.open(url, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the warehouse URL " + url + " needs a user");
        // Redshift without IAM always needs its password variable set
        assertThatThrownBy(() -> connections.open("jdbc:redshift://cluster:5439/dev", Optional.of("u"),
                Optional.of("STRATA_REDSHIFT_PASSWORD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the warehouse password variable STRATA_REDSHIFT_PASSWORD is not set");
        assertThatThrownBy(() -> connections.open(url + "?password=hunter2", Optional.of("postgres"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the warehouse URL " + url + " carries a password")
                .hasMessageNotContaining("hunter2");
        assertThat(WarehouseConnections.carriesSecret(url + "?ssl=true&PWD=x")).isTrue();
        assertThat(WarehouseConnections.carriesSecret("jdbc:redshift:iam://c:5439/dev;AccessKeyID=AKIA")).isTrue();
        assertThat(WarehouseConnections.carriesSecret(url + "?user=postgres&ssl=true")).isFalse();
        assertThatThrownBy(() -> connections.open("jdbc:redshift://cluster:5439/dev", Optional.of("u"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a password variable");
        assertThatThrownBy(() -> connections.open("jdbc:mysql://h/db", Optional.of("u"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a warehouse JDBC URL starts with");
        String badPort = "jdbc:postgresql://127.0.0.1:1/postgres";
        assertThatThrownBy(() -> connections.open(badPort, Optional.of("postgres"), Optional.of("STRATA_TEST_PASSWORD")))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("could not connect to " + badPort)
                .hasMessageNotContaining("s3cret-value");
        assertThat(log).noneMatch(line -> line.contains("s3cret-value"));
    }
}
