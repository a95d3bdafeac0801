package dev.strata.etl.curate;

import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import java.util.HashSet;
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

    public void bind(TableEntry entry) {
        bind(entry, new HashSet<>());
    }

    private void bind(TableEntry entry, Set<String> zones) {
        String zone = entry.name().zone();
        if (zones.add(zone)) {
            spark.sql("CREATE DATABASE IF NOT EXISTS `" + zone + "`");
        }
        String name = "`" + zone + "`.`" + entry.name().table() + "`";
        if (spark.catalog().tableExists(zone, entry.name().table())) {
            spark.sql("REFRESH TABLE " + name);
            return;
        }
        spark.sql("CREATE TABLE IF NOT EXISTS " + name + " USING " + entry.format() + " LOCATION '"
                + entry.location().replace("'", "\\'") + "'");
    }
}
