package dev.strata.catalog.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Loads one table: creates the schema and table when missing, adds the columns the table lacks, then in one
 * transaction stages the rows, keeps one row per key and MERGEs them into the target (a table without keys is
 * replaced whole), and commits. Any failure rolls the transaction back, so the target is as it was, and is thrown as
 * a {@link WarehouseLoadException}.
 *
 * <p>Schema changes supported: columns added at the end of the load's columns are added to the target with
 * {@code ALTER TABLE … ADD COLUMN} (nullable). A target whose columns are not the first of the load's columns, in the
 * same order, is refused: dropped, renamed or reordered columns and changed types are not migrated.
 *
 * <p>Duplicate keys: the row kept per key is the first in order of the keys, then of every other column that can be
 * ordered (nested and binary columns cannot), so a rerun keeps the same row.
 */
public final class RedshiftLoad {

    private static final String COLUMNS_QUERY = "SELECT column_name FROM information_schema.columns"
            + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";

    private final LoadPlan plan;
    private final TableDdl ddl;
    private final String target;
    private final String tableName;

    public RedshiftLoad(LoadPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan is null");
        this.ddl = new TableDdl(plan.table());
        this.target = new SqlName(plan.table().schema()).quoted() + "." + new SqlName(plan.table().name()).quoted();
        this.tableName = plan.table().schema() + "." + plan.table().name();
        for (String column : plan.table().columnNames()) {
            ddl.columnType(column, plan.flavor());
        }
    }

    /** The stage table the fill writes to: the target's columns, in the target's order. */
    public StageTable stage() {
        List<StageTable.Column> columns = new ArrayList<>();
        for (StructField field : plan.table().columns().fields()) {
            String column = SqlName.of("column", field.name()).value();
            columns.add(new StageTable.Column(column, sqlType(field.dataType()), ddl.isNested(column)));
        }
        return new StageTable(LoadPlan.STAGE_TABLE, columns, plan.flavor());
    }

    /** Every statement of a load into a target that is missing or has all of the load's columns. */
    public List<String> statements(StageFill fill) {
        return statements(fill, plan.table().columnNames());
    }

    /**
     * Every statement of a load, in order, into a target that now has {@code existingColumns} (empty: missing).
     * {@code COMMIT} closes the transaction.
     */
    public List<String> statements(StageFill fill, List<String> existingColumns) {
        Objects.requireNonNull(fill, "fill is null");
        Objects.requireNonNull(existingColumns, "existingColumns is null");
        List<String> sql = new ArrayList<>(List.of(createSchema(), ddl.redshift(plan.flavor()), COLUMNS_QUERY));
        sql.addAll(addColumns(existingColumns.isEmpty() ? plan.table().columnNames() : existingColumns));
        sql.add(createStage(LoadPlan.STAGE_TABLE));
        sql.addAll(fill.statements(stage()));
        sql.add(count(quoted(LoadPlan.STAGE_TABLE)));
        if (plan.keyColumns().isEmpty()) {
            sql.add(deleteTarget());
            sql.add(insertTarget());
        } else {
            sql.add(countNullKeys());
            sql.add(createStage(LoadPlan.UNIQUE_STAGE_TABLE));
            sql.add(keepOneRowPerKey());
            sql.add(count(target));
            sql.add(merge());
            sql.add(count(target));
            sql.add(drop(LoadPlan.UNIQUE_STAGE_TABLE));
        }
        sql.add(drop(LoadPlan.STAGE_TABLE));
        sql.add("COMMIT");
        return List.copyOf(sql);
    }

    /**
     * Runs the load on {@code connection}; each statement goes to {@code statementLog} before it runs. The
     * connection's auto-commit setting is restored afterwards.
     */
    public LoadResult execute(Connection connection, StageFill fill, Consumer<String> statementLog) {
        Objects.requireNonNull(connection, "connection is null");
        Objects.requireNonNull(fill, "fill is null");
        Objects.requireNonNull(statementLog, "statementLog is null");
        long started = System.nanoTime();
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
        } catch (SQLException e) {
            throw failure("connection", e);
        }
        try {
            return load(connection, fill, statementLog, started);
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the load's own outcome is what the caller needs; a closed connection reports itself on next use
            }
        }
    }

    private LoadResult load(Connection connection, StageFill fill, Consumer<String> log, long started) {
        List<String> existing;
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                run(statement, log, "CREATE SCHEMA", createSchema());
                run(statement, log, "CREATE TABLE", ddl.redshift(plan.flavor()));
            }
            existing = existingColumns(connection, log);
        } catch (SQLException e) {
            throw failure(kindOf(e), e);
        }
        List<String> additions = addColumns(existing);
        String step = "BEGIN";
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                step = "ALTER TABLE";
                for (String alter : additions) {
                    run(statement, log, step, alter);
                }
                step = "CREATE TEMP TABLE";
                run(statement, log, step, createStage(LoadPlan.STAGE_TABLE));
                step = fill.kind() + " into stage";
                fill.fill(connection, stage(), log);
                step = "count staged rows";
                long staged = countRows(statement, log, count(quoted(LoadPlan.STAGE_TABLE)));
                LoadResult result;
                if (plan.keyColumns().isEmpty()) {
                    step = "DELETE";
                    long deleted = update(statement, log, deleteTarget());
                    step = "INSERT";
                    long inserted = update(statement, log, insertTarget());
                    result = new LoadResult(tableName, staged, 0, inserted, 0, deleted, 0);
                } else {
                    step = "check keys";
                    long nullKeys = countRows(statement, log, countNullKeys());
                    if (nullKeys > 0) {
                        throw new IllegalArgumentException(nullKeys + " staged rows have a null in key columns "
                                + plan.keyColumns());
                    }
                    step = "CREATE TEMP TABLE";
                    run(statement, log, step, createStage(LoadPlan.UNIQUE_STAGE_TABLE));
                    step = "keep one row per key";
                    long unique = update(statement, log, keepOneRowPerKey());
                    step = "count target rows";
                    long before = countRows(statement, log, count(target));
                    step = "MERGE";
                    long merged = update(statement, log, merge());
                    step = "count target rows";
                    long after = countRows(statement, log, count(target));
                    step = "DROP TABLE";
                    run(statement, log, step, drop(LoadPlan.UNIQUE_STAGE_TABLE));
                    long inserted = after - before;
                    result = new LoadResult(tableName, staged, staged - unique, inserted, merged - inserted, 0, 0);
                }
                step = "DROP TABLE";
                run(statement, log, step, drop(LoadPlan.STAGE_TABLE));
                step = "COMMIT";
                log.accept("COMMIT");
                connection.commit();
                double seconds = (System.nanoTime() - started) / 1e9;
                return new LoadResult(result.table(), result.rowsStaged(), result.duplicateRowsDropped(),
                        result.rowsInserted(), result.rowsUpdated(), result.rowsDeleted(), seconds);
            }
        } catch (SQLException | RuntimeException e) {
            WarehouseLoadException failure = failure(step, e);
            try {
                log.accept("ROLLBACK");
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    private List<String> existingColumns(Connection connection, Consumer<String> log) throws SQLException {
        log.accept(COLUMNS_QUERY);
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COLUMNS_QUERY)) {
            query.setString(1, plan.table().schema());
            query.setString(2, plan.table().name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /** The ADD COLUMN statements a target with {@code existing} columns needs; refuses a target that differs else. */
    private List<String> addColumns(List<String> existing) {
        List<String> wanted = plan.table().columnNames();
        if (existing.size() > wanted.size() || !wanted.subList(0, existing.size()).equals(existing)) {
            throw new WarehouseLoadException(tableName, "column check", "the target's columns " + existing
                    + " are not the first of the load's columns " + wanted
                    + "; only columns added at the end are added to the target", null);
        }
        List<String> alters = new ArrayList<>();
        for (String column : wanted.subList(existing.size(), wanted.size())) {
            alters.add("ALTER TABLE " + target + " ADD COLUMN " + quoted(column) + " "
                    + ddl.columnType(column, plan.flavor()));
        }
        return alters;
    }

    private String createSchema() {
        return "CREATE SCHEMA IF NOT EXISTS " + quoted(plan.table().schema());
    }

    private String createStage(String name) {
        return "CREATE TEMP TABLE " + quoted(name) + " (LIKE " + target + ")";
    }

    private String countNullKeys() {
        return count(quoted(LoadPlan.STAGE_TABLE)) + " WHERE " + plan.keyColumns().stream()
                .map(key -> quoted(key) + " IS NULL").collect(Collectors.joining(" OR "));
    }

    private String keepOneRowPerKey() {
        String columns = columnList("");
        List<String> order = new ArrayList<>(plan.keyColumns());
        for (String column : plan.table().columnNames()) {
            if (!order.contains(column) && ddl.isOrderable(column)) {
                order.add(column);
            }
        }
        return "INSERT INTO " + quoted(LoadPlan.UNIQUE_STAGE_TABLE) + " (" + columns + ") SELECT " + columns
                + " FROM (SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY "
                + TableDdl.quotedList(plan.keyColumns()) + " ORDER BY " + TableDdl.quotedList(order) + ") AS "
                + quoted(LoadPlan.ROW_NUMBER_COLUMN) + " FROM " + quoted(LoadPlan.STAGE_TABLE) + ") AS \"ranked\""
                + " WHERE " + quoted(LoadPlan.ROW_NUMBER_COLUMN) + " = 1";
    }

    private String merge() {
        String source = quoted(LoadPlan.UNIQUE_STAGE_TABLE);
        List<String> keys = plan.keyColumns();
        String on = keys.stream().map(key -> target + "." + quoted(key) + " = " + source + "." + quoted(key))
                .collect(Collectors.joining(" AND "));
        List<String> updated = plan.table().columnNames().stream().filter(column -> !keys.contains(column)).toList();
        String set = (updated.isEmpty() ? keys : updated).stream()
                .map(column -> quoted(column) + " = " + source + "." + quoted(column))
                .collect(Collectors.joining(", "));
        return "MERGE INTO " + target + " USING " + source + " ON " + on
                + " WHEN MATCHED THEN UPDATE SET " + set
                + " WHEN NOT MATCHED THEN INSERT (" + columnList("") + ") VALUES (" + columnList(source + ".") + ")";
    }

    private String deleteTarget() {
        return "DELETE FROM " + target;
    }

    private String insertTarget() {
        String columns = columnList("");
        return "INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM " + quoted(LoadPlan.STAGE_TABLE);
    }

    private String columnList(String prefix) {
        return plan.table().columnNames().stream().map(column -> prefix + quoted(column))
                .collect(Collectors.joining(", "));
    }

    private static String count(String table) {
        return "SELECT COUNT(*) FROM " + table;
    }

    private static String drop(String name) {
        return "DROP TABLE " + quoted(name);
    }

    private static String quoted(String name) {
        return new SqlName(name).quoted();
    }

    private static void run(Statement statement, Consumer<String> log, String kind, String sql) throws SQLException {
        log.accept(sql);
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new KindedSqlException(kind, e);
        }
    }

    private static long update(Statement statement, Consumer<String> log, String sql) throws SQLException {
        log.accept(sql);
        return statement.executeLargeUpdate(sql);
    }

    private static long countRows(Statement statement, Consumer<String> log, String sql) throws SQLException {
        log.accept(sql);
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private WarehouseLoadException failure(String kind, Throwable error) {
        if (error instanceof WarehouseLoadException load) {
            return load;
        }
        Throwable reason = error instanceof KindedSqlException kinded ? kinded.getCause() : error;
        return new WarehouseLoadException(tableName, kind, firstLine(reason), reason);
    }

    private static String kindOf(SQLException error) {
        return error instanceof KindedSqlException kinded ? kinded.kind : "read columns";
    }

    /** The first line of the server's message; for a failed batch, of the error that aborted it. */
    static String firstLine(Throwable error) {
        Throwable shown = error;
        if (error instanceof SQLException sql && sql.getNextException() != null) {
            shown = sql.getNextException();
        }
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            return shown.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static int sqlType(DataType type) {
        if (type instanceof LongType) {
            return Types.BIGINT;
        }
        if (type instanceof IntegerType) {
            return Types.INTEGER;
        }
        if (type instanceof ShortType || type instanceof ByteType) {
            return Types.SMALLINT;
        }
        if (type instanceof FloatType) {
            return Types.REAL;
        }
        if (type instanceof DoubleType) {
            return Types.DOUBLE;
        }
        if (type instanceof DecimalType) {
            return Types.DECIMAL;
        }
        if (type instanceof BooleanType) {
            return Types.BOOLEAN;
        }
        if (type instanceof DateType) {
            return Types.DATE;
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            return Types.TIMESTAMP;
        }
        if (type instanceof BinaryType) {
            return Types.VARBINARY;
        }
        return Types.VARCHAR;
    }

    /** A statement failure tagged with the kind of statement, so the error can name it. */
    private static final class KindedSqlException extends SQLException {
        private final String kind;

        KindedSqlException(String kind, SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
            this.kind = kind;
        }
    }
}
