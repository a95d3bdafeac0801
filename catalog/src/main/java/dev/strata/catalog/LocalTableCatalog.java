package dev.strata.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The embedded catalog: one JSON file per table at {@code <lake>/_catalog/<zone>/<table>.json},
 * written through Hadoop's FileSystem so the same code serves a local folder and an s3a:// lake.
 */
public final class LocalTableCatalog implements TableCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final Configuration conf;

    public LocalTableCatalog(String lakeUri, Configuration conf) {
        Objects.requireNonNull(lakeUri, "lakeUri is null");
        this.conf = Objects.requireNonNull(conf, "conf is null");
        this.root = (lakeUri.endsWith("/") ? lakeUri.substring(0, lakeUri.length() - 1) : lakeUri) + "/_catalog";
    }

    private Path file(TableName name) {
        return new Path(root + "/" + name.zone() + "/" + name.table() + ".json");
    }

    private FileSystem fs() {
        try {
            return new Path(root).getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the catalog at " + root, e);
        }
    }

    @Override
    public void register(TableEntry entry) {
        Objects.requireNonNull(entry, "entry is null");
        Optional<TableEntry> existing = lookup(entry.name());
        if (existing.isPresent() && existing.get().sameDefinition(entry)) {
            return;
        }
        TableEntry stored = existing.map(e -> new TableEntry(entry.name(), entry.location(), entry.format(),
                entry.partitionColumns(), entry.properties(), e.registeredAt(), entry.updatedAt())).orElse(entry);
        Path target = file(entry.name());
        Path temporary = new Path(target.getParent(), "." + target.getName() + "." + System.nanoTime() + ".tmp");
        FileSystem fs = fs();
        try {
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(temporary, true)) {
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(stored)));
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("rename to " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register " + entry.name() + " in " + root, e);
        }
    }

    @Override
    public Optional<TableEntry> lookup(TableName name) {
        Objects.requireNonNull(name, "name is null");
        Path path = file(name);
        FileSystem fs = fs();
        try {
            if (!fs.exists(path)) {
                return Optional.empty();
            }
            return Optional.of(read(fs, path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public List<TableEntry> list() {
        return list(null);
    }

    @Override
    public List<TableEntry> list(String zone) {
        FileSystem fs = fs();
        List<TableEntry> entries = new ArrayList<>();
        try {
            String pattern = root + "/" + (zone == null ? "*" : zone) + "/*.json";
            FileStatus[] found = fs.globStatus(new Path(pattern));
            if (found != null) {
                for (FileStatus status : found) {
                    if (!status.getPath().getName().startsWith(".")) {
                        entries.add(read(fs, status.getPath()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the catalog at " + root, e);
        }
        entries.sort(Comparator.comparing(TableEntry::name));
        return entries;
    }

    @Override
    public boolean drop(TableName name) {
        try {
            return fs().delete(file(name), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + name, e);
        }
    }

    private static TableEntry read(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return fromJson(JSON.readTree(bytes.toString(StandardCharsets.UTF_8)));
        }
    }

    private static ObjectNode toJson(TableEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", entry.name().toString());
        node.put("location", entry.location());
        node.put("format", entry.format());
        ArrayNode partitions = node.putArray("partition_columns");
        entry.partitionColumns().forEach(partitions::add);
        ObjectNode properties = node.putObject("properties");
        entry.properties().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> properties.put(e.getKey(), e.getValue()));
        node.put("registered_at", entry.registeredAt().toString());
        node.put("updated_at", entry.updatedAt().toString());
        return node;
    }

    private static TableEntry fromJson(JsonNode node) {
        List<String> partitions = new ArrayList<>();
        node.path("partition_columns").forEach(p -> partitions.add(p.asText()));
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            properties.put(e.getKey(), e.getValue().asText());
        }
        return new TableEntry(TableName.parse(node.get("name").asText()), node.get("location").asText(),
                node.get("format").asText(), partitions, properties, Instant.parse(node.get("registered_at").asText()),
                Instant.parse(node.get("updated_at").asText()));
    }
}
