package dev.strata.etl.curate;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import dev.strata.transforms.clean.Field;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Makes the catalog's tables queryable by name in a Spark session ({@code clean.x}, {@code curated.y})
 * by declaring each as an external Delta table at its location.
 */
public final class SessionTables {

    private final SparkSession spark;
    private final TableCatalog catalog;

    public SessionTables(SparkSession spark, TableCatalog catalog) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
    }

    public int bindAll() {
        Set<String> zones = new HashSet<>();
        int count = 0;
        for (TableEntry entry : catalog.list()) {
            bind(entry, zones);
            count++;
        }
        return count;
    }

    /**
     * Declares what one statement needs: the catalog's tables it names (from Spark's parse of it), or every
     * table when it names none of them (SHOW, DESCRIBE, a path) or cannot be parsed. A lake's tables are each
     * a Delta log to read, so a query over one table does not pay for all of them. Returns how many tables
     * the catalog holds.
     */
    public int bindFor(String statement) {
        List<TableEntry> all = catalog.list();
        Set<String> named = named(statement);
        List<TableEntry> chosen = all.stream()
                .filter(e -> named.contains(e.name().toString().toLowerCase(java.util.Locale.ROOT))).toList();
        Set<String> zones = new HashSet<>();
        for (TableEntry entry : chosen.isEmpty() ? all : chosen) {
            bind(entry, zones);
        }
        return all.size();
    }

    private Set<String> named(String statement) {
        try {
            return new SqlTables(spark).of(statement).qualified();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    public void bind(TableEntry entry) {
        bind(entry, new HashSet<>());
    }

    private boolean isView(String zone, String table) {
        try {
            return "VIEW".equals(spark.catalog().getTable(zone, table).tableType());
        } catch (org.apache.spark.sql.AnalysisException e) {
            return false;
        }
    }

    private boolean sameLocation(String zone, TableEntry entry) {
        try {
            java.net.URI declared = spark.sessionState().catalog().getTableMetadata(
                    new org.apache.spark.sql.catalyst.TableIdentifier(entry.name().table(), scala.Option.apply(zone)))
                    .location();
            return new org.apache.hadoop.fs.Path(declared).equals(new org.apache.hadoop.fs.Path(entry.location()));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Declares a table that has no data yet as an empty view with the given fields, so SQL over several
     * sources runs when an optional one is missing. A table of that name declared in this session for
     * another lake gives way to the view.
     */
    public void bindEmpty(TableName name, List<Field> fields) {
        spark.sql("CREATE DATABASE IF NOT EXISTS `" + name.zone() + "`");
        String columns = fields.stream()
                .map(f -> "CAST(NULL AS " + f.type().sparkType().sql() + ") AS `" + f.name() + "`")
                .collect(Collectors.joining(", "));
        if (spark.catalog().tableExists(name.zone(), name.table()) && !isView(name.zone(), name.table())) {
            // declared in this session for another lake: an external table, so dropping keeps its data
            spark.sql("DROP TABLE `" + name.zone() + "`.`" + name.table() + "`");
        }
        spark.sql("CREATE OR REPLACE VIEW `" + name.zone() + "`.`" + name.table() + "` AS SELECT " + columns
                + " WHERE 1 = 0");
    }

    private void bind(TableEntry entry, Set<String> zones) {
        String zone = entry.name().zone();
        if (zones.add(zone)) {
            spark.sql("CREATE DATABASE IF NOT EXISTS `" + zone + "`");
        }
        String name = "`" + zone + "`.`" + entry.name().table() + "`";
        if (spark.catalog().tableExists(zone, entry.name().table())) {
            if (isView(zone, entry.name().table())) {
                spark.sql("DROP VIEW " + name); // an empty stand-in from a run without this source
            } else if (sameLocation(zone, entry)) {
                spark.sql("REFRESH TABLE " + name);
                return;
            } else {
                // declared in this session for another lake: an external table, so dropping keeps its data
                spark.sql("DROP TABLE " + name);
            }
        }
        spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING " + entry.format() + " LOCATION '"
                + entry.location().replace("'", "\\'") + "'");
    }
}
