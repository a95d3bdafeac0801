package dev.strata.etl.clean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/** What a record parser makes of one whole file with the given content, as a task would run it. */
final class ParsedFile {

    private ParsedFile() {
    }

    static List<Row> rows(FlatMapFunction<FileTask, Row> parser, Path file, byte[] content, int width)
            throws Exception {
        Files.write(file, content);
        int[] positions = new int[width];
        for (int i = 0; i < width; i++) {
            positions[i] = i;
        }
        List<Row> rows = new ArrayList<>();
        for (Iterator<Row> it = parser.call(new FileTask(file.toUri().toString(), "b1", 0L, positions, width));
                it.hasNext();) {
            rows.add(it.next());
        }
        return rows;
    }

    /** The value of the record's field {@code index} (after the layout's metadata columns). */
    static String field(Row row, int index) {
        return row.getString(RecordLayout.METADATA + index);
    }
}
