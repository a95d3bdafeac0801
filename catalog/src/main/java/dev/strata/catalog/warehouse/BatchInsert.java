package dev.strata.catalog.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fills the stage with {@code INSERT … VALUES (?, …)} in JDBC batches. Each row holds one value per stage column, in
 * order: String, Integer, Long, Short, Float, Double, BigDecimal, Boolean, java.sql.Date, java.sql.Timestamp, byte[]
 * or null; JSON text for a nested (SUPER or JSONB) column. Values are bound as parameters, never written into the SQL.
 * The rows are read once, so one instance fills one load.
 */
public final class BatchInsert implements StageFill {

    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final Iterator<Object[]> rows;
    private final int batchSize;

    public BatchInsert(Iterator<Object[]> rows) {
        this(rows, DEFAULT_BATCH_SIZE);
    }

    public BatchInsert(Iterator<Object[]> rows, int batchSize) {
        this.rows = Objects.requireNonNull(rows, "rows is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, cannot be: " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public String kind() {
        return "INSERT";
    }

    @Override
    public List<String> statements(StageTable stage) {
        Objects.requireNonNull(stage, "stage is null");
        return List.of(stage.insertStatement());
    }

    @Override
    public void fill(Connection connection, StageTable stage, Consumer<String> statementLog) throws SQLException {
        Objects.requireNonNull(connection, "connection is null");
        Objects.requireNonNull(stage, "stage is null");
        Objects.requireNonNull(statementLog, "statementLog is null");
        String sql = stage.insertStatement();
        statementLog.accept(sql);
        List<StageTable.Column> columns = stage.columns();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            long row = 0;
            while (rows.hasNext()) {
                Object[] values = Objects.requireNonNull(rows.next(), "row is null");
                row++;
                if (values.length != columns.size()) {
                    throw new IllegalArgumentException("row " + row + " has " + values.length + " values, the stage "
                            + columns.size() + " columns");
                }
                for (int i = 0; i < values.length; i++) {
                    StageTable.Column column = columns.get(i);
                    Object value = values[i];
                    if (value == null) {
                        insert.setNull(i + 1, column.sqlType());
                    } else if (column.nested()) {
                        if (!(value instanceof String json)) {
                            throw new IllegalArgumentException("row " + row + " column " + column.name()
                                    + " takes JSON text, cannot be: " + value.getClass().getSimpleName());
                        }
                        insert.setString(i + 1, json);
                    } else if (value instanceof byte[] bytes) {
                        insert.setBytes(i + 1, bytes);
                    } else {
                        insert.setObject(i + 1, value);
                    }
                }
                insert.addBatch();
                if (++pending == batchSize) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
