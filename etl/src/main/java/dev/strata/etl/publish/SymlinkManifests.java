package dev.strata.etl.publish;

import dev.strata.etl.ServiceFailure;
import dev.strata.etl.lake.Lake;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta symlink manifest that Redshift Spectrum (and Presto-style readers) use: a {@code manifest}
 * text file per partition folder under {@code <table>/_symlink_format_manifest/}, listing the Parquet
 * files of the table's current version. Regenerated after every write; stale partition folders are
 * removed by Delta.
 */
public final class SymlinkManifests {

    public static final String FOLDER = "_symlink_format_manifest";

    private final SparkSession spark;
    private final Lake lake;

    public SymlinkManifests(SparkSession spark, Lake lake) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.lake = Objects.requireNonNull(lake, "lake is null");
    }

    /** Writes the manifest of the table's current version. */
    public void generate(String tablePath) {
        Objects.requireNonNull(tablePath, "tablePath is null");
        DeltaTable.forPath(spark, tablePath).generate("symlink_format_manifest");
    }

    /** Where the manifests of a table are. */
    public static String root(String tablePath) {
        return tablePath + "/" + FOLDER;
    }

    /**
     * The partition values of every manifest folder, in the order of the partition columns, sorted; one
     * empty map for an unpartitioned table that has its manifest.
     */
    public List<Map<String, String>> partitions(String tablePath, List<String> partitionColumns) {
        Path root = new Path(root(tablePath));
        List<Map<String, String>> found = new ArrayList<>();
        try {
            var fs = lake.fileSystem(root.toString());
            if (!fs.exists(root)) {
                return List.of();
            }
            String rootText = fs.getFileStatus(root).getPath().toString();
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                FileStatus file = files.next();
                if (!file.isFile() || !file.getPath().getName().equals("manifest")) {
                    continue;
                }
                String folder = file.getPath().getParent().toString();
                String relative = folder.length() > rootText.length() ? folder.substring(rootText.length() + 1) : "";
                found.add(values(relative, partitionColumns, tablePath));
            }
        } catch (IOException e) {
            throw new ServiceFailure("cannot list the symlink manifests of " + tablePath + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Map::toString));
        return List.copyOf(found);
    }

    private static Map<String, String> values(String relative, List<String> columns, String table) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] segments = relative.isEmpty() ? new String[0] : relative.split("/");
        if (segments.length != columns.size()) {
            throw new IllegalStateException("manifest folder '" + relative + "' of " + table + " does not match the"
                    + " partition columns " + columns);
        }
        for (int i = 0; i < segments.length; i++) {
            int eq = segments[i].indexOf('=');
            String column = eq < 0 ? "" : segments[i].substring(0, eq);
            if (!column.equals(columns.get(i))) {
                throw new IllegalStateException("manifest folder '" + relative + "' of " + table + " names '" + column
                        + "' where partition column " + columns.get(i) + " was expected");
            }
            values.put(column, URLDecoder.decode(segments[i].substring(eq + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        }
        return values;
    }
}
