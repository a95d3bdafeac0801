package dev.strata.tests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A PostgreSQL database on 127.0.0.1 standing in for Redshift in the end-to-end tests: the CLI loads it through a
 * {@code jdbc:postgresql:} URL as user {@code postgres}, which the server trusts (no password). One server runs per
 * test JVM (started by the first class that asks, stopped when the JVM ends); each class gets a database of its own
 * on it, made by {@link #start} and dropped by {@link #close}, so classes see nothing of each other's loads.
 */
final class EmbeddedWarehouse implements AutoCloseable {

    static final String USER = "postgres";

    private static EmbeddedPostgres server;
    private static int made;

    private final String database;

    private EmbeddedWarehouse(String database) {
        this.database = database;
    }

    /** A new, empty database on the JVM's server. */
    static synchronized EmbeddedWarehouse start() {
        if (server == null) {
            try {
                // the server's own shutdown hook stops it and removes its data folder when the JVM ends
                server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
        }
        String database = "warehouse_" + ++made;
        execute(server.getPostgresDatabase(), "CREATE DATABASE " + database);
        return new EmbeddedWarehouse(database);
    }

    /** The URL the CLI is given: no user, no password. */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
    }

    /** The tables of a schema, sorted. */
    List<String> tables(String schema) {
        return rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_type = 'BASE TABLE' ORDER BY table_name");
    }

    /** Each table of a schema with its row count. */
    Map<String, Long> counts(String schema) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(schema)) {
            counts.put(table, Long.parseLong(rows("SELECT COUNT(*) FROM \"" + schema + "\".\"" + table + "\"")
                    .get(0)));
        }
        return counts;
    }

    /** The rows of a query, each as its values joined by {@code |} (null as {@code null}). */
    List<String> rows(String sql) {
        try (Connection connection = server.getDatabase(USER, database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int width = rows.getMetaData().getColumnCount();
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    void execute(String sql) {
        execute(server.getDatabase(USER, database), sql);
    }

    private static void execute(DataSource database, String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** Drops this class's database (and ends the CLI's sessions on it); the server runs on for the next class. */
    @Override
    public void close() {
        synchronized (EmbeddedWarehouse.class) {
            execute(server.getPostgresDatabase(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
