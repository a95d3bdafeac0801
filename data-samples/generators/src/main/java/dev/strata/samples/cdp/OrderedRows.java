package dev.strata.samples.cdp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Lines to be written in the order of a key and a unique tie-breaker, in bounded memory: up to
 * {@code runSize} lines are kept and sorted in memory; beyond that each full batch is sorted and spilled to
 * a temporary run file in {@code spillFolder}, and {@link #drain} merges the runs. Keys and tie-breakers
 * give a total order, so the output is the same however the lines were batched. Run files are deleted by
 * {@link #drain} and {@link #close}.
 */
final class OrderedRows implements Closeable {

    /** Lines kept in memory before a run is spilled. */
    static final int DEFAULT_RUN_SIZE = 50_000;

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::key).thenComparingLong(Entry::tie);

    private record Entry(long key, long tie, String line) {
    }

    /** Receives the lines in order, numbered from 0. */
    interface LineConsumer {
        void accept(long sequence, String line) throws IOException;
    }

    private final Path spillFolder;
    private final String name;
    private final int runSize;
    private final List<Entry> batch = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<Integer> runLengths = new ArrayList<>();
    private long size;

    OrderedRows(Path spillFolder, String name, int runSize) {
        this.spillFolder = Objects.requireNonNull(spillFolder, "spillFolder is null");
        this.name = Objects.requireNonNull(name, "name is null");
        if (runSize < 1) {
            throw new IllegalArgumentException("run size must be at least 1, cannot be: " + runSize);
        }
        this.runSize = runSize;
    }

    void add(long key, long tie, String line) throws IOException {
        batch.add(new Entry(key, tie, Objects.requireNonNull(line, "line is null")));
        size++;
        if (batch.size() >= runSize) {
            spill();
        }
    }

    long size() {
        return size;
    }

    /** Hands every line to {@code consumer} in (key, tie) order, then forgets them. */
    void drain(LineConsumer consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer is null");
        batch.sort(ORDER);
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (int i = 0; i < runs.size(); i++) {
                cursors.add(new RunCursor(runs.get(i), runLengths.get(i)));
            }
            cursors.add(new BatchCursor(batch));
            PriorityQueue<Cursor> queue = new PriorityQueue<>(Comparator.comparing(Cursor::current, ORDER));
            for (Cursor cursor : cursors) {
                if (cursor.advance()) {
                    queue.add(cursor);
                }
            }
            long sequence = 0;
            while (!queue.isEmpty()) {
                Cursor cursor = queue.poll();
                consumer.accept(sequence++, cursor.current().line());
                if (cursor.advance()) {
                    queue.add(cursor);
                }
            }
        } finally {
            for (Cursor cursor : cursors) {
                cursor.close();
            }
            batch.clear();
            close();
        }
    }

    @Override
    public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
        runLengths.clear();
    }

    private void spill() throws IOException {
        batch.sort(ORDER);
        Path run = Files.createTempFile(spillFolder, "." + name + "-", ".run");
        runs.add(run);
        runLengths.add(batch.size());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run),
                1 << 16))) {
            for (Entry entry : batch) {
                out.writeLong(entry.key());
                out.writeLong(entry.tie());
                byte[] bytes = entry.line().getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
        batch.clear();
    }

    private interface Cursor extends Closeable {
        /** Moves to the next entry; false when there is none. */
        boolean advance() throws IOException;

        Entry current();
    }

    private static final class BatchCursor implements Cursor {

        private final List<Entry> entries;
        private int next;
        private Entry current;

        BatchCursor(List<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean advance() {
            if (next >= entries.size()) {
                return false;
            }
            current = entries.get(next++);
            return true;
        }

        @Override
        public Entry current() {
            return current;
        }

        @Override
        public void close() {
        }
    }

    private static final class RunCursor implements Cursor {

        private final DataInputStream in;
        private int left;
        private Entry current;

        RunCursor(Path run, int length) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
            this.left = length;
        }

        @Override
        public boolean advance() throws IOException {
            if (left == 0) {
                return false;
            }
            left--;
            long key = in.readLong();
            long tie = in.readLong();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            current = new Entry(key, tie, new String(bytes, StandardCharsets.UTF_8));
            return true;
        }

        @Override
        public Entry current() {
            return current;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
