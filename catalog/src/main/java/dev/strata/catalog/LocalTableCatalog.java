package dev.strata.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The embedded catalog: one JSON file per table at {@code <lake>/_catalog/<zone>/<table>.json},
 * written through Hadoop's FileSystem so the same code serves a local folder and an s3a:// lake.
 *
 * <p>A write goes to a hidden temporary file in the same folder which is then renamed over the entry
 * (atomic on a local disk and on HDFS); where the file system refuses to rename over an existing file,
 * the entry is overwritten in place instead (a single PUT on S3, so readers still see a whole file).
 * Instants are stored as ISO-8601 strings.
 */
public final class LocalTableCatalog implements TableCatalog {

    /** The folder under the lake that holds the catalog. */
    public static final String FOLDER = "_catalog";

    private static final String SUFFIX = ".json";

    private final Path root;
    private final Configuration conf;
    private final ObjectMapper json = new ObjectMapper();

    public LocalTableCatalog(String lakeUri, Configuration conf) {
        Objects.requireNonNull(lakeUri, "lakeUri is null");
        this.conf = Objects.requireNonNull(conf, "conf is null");
        if (lakeUri.isBlank()) {
            throw new IllegalArgumentException("lakeUri cannot be blank");
        }
        this.root = new Path(new Path(lakeUri), FOLDER);
    }

    @Override
    public void register(TableEntry entry) {
        Objects.requireNonNull(entry, "entry is null");
        Optional<TableEntry> existing = lookup(entry.name());
        if (existing.isPresent() && existing.get().sameDefinition(entry)) {
            return;
        }
        TableEntry stored = existing
                .map(previous -> entry.withTimes(previous.registeredAt(), entry.updatedAt()))
                .orElse(entry);
        write(file(entry.name()), bytes(stored));
    }

    @Override
    public Optional<TableEntry> lookup(TableName name) {
        Objects.requireNonNull(name, "name is null");
        Path path = file(name);
        FileSystem fs = fileSystem();
        try {
            if (!fs.exists(path)) {
                return Optional.empty();
            }
            return Optional.of(read(fs, path));
        } catch (FileNotFoundException e) {
            return Optional.empty(); // dropped between the check and the read
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog entry " + path, e);
        }
    }

    @Override
    public List<TableEntry> list() {
        return find(new Path(root, "*"));
    }

    @Override
    public List<TableEntry> list(String zone) {
        TableName.requireValidPart("zone", zone);
        return find(new Path(root, zone));
    }

    @Override
    public boolean drop(TableName name) {
        Objects.requireNonNull(name, "name is null");
        try {
            return fileSystem().delete(file(name), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + name + " from the catalog at " + root, e);
        }
    }

    @Override
    public String toString() {
        return "LocalTableCatalog[" + root + "]";
    }

    private Path file(TableName name) {
        return new Path(new Path(root, name.zone()), name.table() + SUFFIX);
    }

    private FileSystem fileSystem() {
        try {
            return root.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the catalog at " + root, e);
        }
    }

    private List<TableEntry> find(Path zoneFolders) {
        FileSystem fs = fileSystem();
        List<TableEntry> entries = new ArrayList<>();
        try {
            FileStatus[] found = fs.globStatus(new Path(zoneFolders, "*" + SUFFIX));
            if (found != null) {
                for (FileStatus status : found) {
                    if (status.isFile() && !status.getPath().getName().startsWith(".")) {
                        try {
                            entries.add(read(fs, status.getPath()));
                        } catch (FileNotFoundException e) {
                            // dropped while listing
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the catalog at " + root, e);
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(entries);
    }

    private void write(Path target, byte[] content) {
        FileSystem fs = fileSystem();
        Path folder = target.getParent();
        Path temporary = new Path(folder, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            fs.mkdirs(folder);
            try (OutputStream out = fs.create(temporary, false)) {
                out.write(content);
            }
            if (!renamed(fs, temporary, target)) {
                try (OutputStream out = fs.create(target, true)) {
                    out.write(content);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write catalog entry " + target, e);
        } finally {
            deleteQuietly(fs, temporary);
        }
    }

    /** Renames over the target; false where the file system refuses (HDFS and S3A do when it exists). */
    private static boolean renamed(FileSystem fs, Path from, Path to) {
        try {
            return fs.rename(from, to);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(FileSystem fs, Path path) {
        try {
            if (fs.exists(path)) {
                fs.delete(path, false);
            }
        } catch (IOException e) {
            // a stray hidden temporary file is harmless: listings skip it
        }
    }

    private TableEntry read(FileSystem fs, Path path) throws IOException {
        byte[] content = null;
        for (int attempt = 1; content == null; attempt++) {
            try (InputStream in = fs.open(path)) {
                content = in.readAllBytes();
            } catch (IOException e) {
                // an entry replaced while it is read (another step of the same run registering its table): on
                // S3, S3A sees the object change under it; the next read gets the new entry
                if (attempt >= 5 || !replacedWhileRead(e)) {
                    throw e;
                }
                pause(attempt * 50L);
            }
        }
        try {
            return fromJson(json.readTree(content));
        } catch (JsonProcessingException | IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException("catalog entry " + path + " is not valid: " + e.getMessage(), e);
        }
    }

    private static boolean replacedWhileRead(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("RemoteFileChangedException")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the catalog", e);
        }
    }

    private byte[] bytes(TableEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("name", entry.name().toString());
        node.put("location", entry.location());
        node.put("format", entry.format());
        ArrayNode partitions = node.putArray("partition_columns");
        entry.partitionColumns().forEach(partitions::add);
        if (!entry.schema().isEmpty()) {
            try {
                node.set("schema", json.readTree(entry.schema().json()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the schema of " + entry.name(), e);
            }
        }
        ObjectNode properties = node.putObject("properties");
        entry.properties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> properties.put(e.getKey(), e.getValue()));
        node.put("registered_at", entry.registeredAt().toString());
        node.put("updated_at", entry.updatedAt().toString());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise catalog entry " + entry.name(), e);
        }
    }

    private static TableEntry fromJson(JsonNode node) {
        List<String> partitions = new ArrayList<>();
        node.path("partition_columns").forEach(p -> partitions.add(p.asText()));
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            properties.put(e.getKey(), e.getValue().asText());
        }
        JsonNode schemaNode = node.get("schema");
        StructType schema = schemaNode == null || schemaNode.isNull() ? new StructType()
                : (StructType) DataType.fromJson(schemaNode.toString());
        return new TableEntry(TableName.parse(text(node, "name")), text(node, "location"), text(node, "format"),
                partitions, schema, properties, Instant.parse(text(node, "registered_at")),
                Instant.parse(text(node, "updated_at")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
