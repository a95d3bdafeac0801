package dev.strata.etl.curate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.lake.Lake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * A staging area of the lake ({@code <lake>/staging/<area>/<table>/}): each curated table written again
 * as plain Parquet, with a Redshift COPY manifest beside it ({@code <table>.manifest}) that lists every
 * file with its length, so a warehouse load reads exactly what one run wrote. The manifest is written
 * last: a run that stopped half way leaves the previous manifest or none, never one naming missing files.
 */
public final class StagingArea {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Lake lake;
    private final String area;

    public StagingArea(Lake lake, String area) {
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.area = Objects.requireNonNull(area, "area is null");
    }

    public String location(String table) {
        return lake.root() + "/staging/" + area + "/" + table;
    }

    public String manifest(String table) {
        return location(table) + ".manifest";
    }

    /** Writes the table's rows as Parquet, replacing what was staged before, and then its manifest. */
    public StagedTable stage(String table, Dataset<Row> rows) {
        String location = location(table);
        rows.write().mode(SaveMode.Overwrite).parquet(location);
        List<FileStatus> files = new ArrayList<>();
        try {
            for (FileStatus status : lake.fileSystem(location).listStatus(new Path(location))) {
                String name = status.getPath().getName();
                if (status.isFile() && name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_")) {
                    files.add(status);
                }
            }
        } catch (IOException e) {
            throw new ServiceFailure("cannot list the staged files of " + table + ": " + ServiceFailure.detail(e), e);
        }
        files.sort(Comparator.comparing(f -> f.getPath().getName()));
        ObjectNode manifest = JSON.createObjectNode();
        ArrayNode entries = manifest.putArray("entries");
        long bytes = 0;
        for (FileStatus file : files) {
            ObjectNode entry = entries.addObject();
            entry.put("url", copyUrl(file.getPath().toString()));
            entry.put("mandatory", true);
            entry.putObject("meta").put("content_length", file.getLen());
            bytes += file.getLen();
        }
        try {
            lake.writeText(manifest(table), JSON.writeValueAsString(manifest));
        } catch (IOException e) {
            throw new ServiceFailure("cannot write the manifest of " + table + ": " + ServiceFailure.detail(e), e);
        }
        return new StagedTable(table, location, manifest(table), files.size(), bytes);
    }

    /** Redshift reads {@code s3://}; the lake's Hadoop URIs say {@code s3a://} for the same object. */
    public static String copyUrl(String path) {
        return path.startsWith("s3a://") ? "s3://" + path.substring("s3a://".length()) : path;
    }

    /** What one table's staging wrote. */
    public record StagedTable(String table, String location, String manifest, int files, long bytes) {
    }
}
