package dev.strata.samples.mimic;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/** The open files of one run, one {@link TableWriter} a table, each already holding its header line. */
final class TableFiles implements Closeable {

    private final Map<MimicTable, TableWriter> writers;

    private TableFiles(Map<MimicTable, TableWriter> writers) {
        this.writers = writers;
    }

    /**
     * Creates (or replaces) {@code <TABLE>.csv} or {@code <TABLE>.csv.gz} in {@code directory} for every
     * table and writes the header lines.
     */
    static TableFiles create(Path directory, boolean gzip, boolean lowerCaseHeaders) throws IOException {
        Objects.requireNonNull(directory, "directory is null");
        Files.createDirectories(directory);
        Map<MimicTable, TableWriter> writers = new EnumMap<>(MimicTable.class);
        TableFiles files = new TableFiles(writers);
        try {
            for (MimicTable table : MimicTable.values()) {
                OutputStream out = Files.newOutputStream(directory.resolve(table.fileName(gzip)));
                if (gzip) {
                    out = new GZIPOutputStream(out, 1 << 16);
                } else {
                    out = new BufferedOutputStream(out, 1 << 16);
                }
                TableWriter writer = new TableWriter(out);
                writers.put(table, writer);
                writer.header(table.header(lowerCaseHeaders));
            }
        } catch (IOException | RuntimeException e) {
            try {
                files.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return files;
    }

    TableWriter writer(MimicTable table) {
        return writers.get(table);
    }

    /** Records written per table so far, in table order. */
    Map<String, Long> records() {
        Map<String, Long> records = new LinkedHashMap<>();
        writers.forEach((table, writer) -> records.put(table.name(), writer.records()));
        return records;
    }

    /** Closes every file, even when closing one fails (the first failure is thrown, the others suppressed). */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (TableWriter writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
