package dev.strata.etl.clean;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.transforms.clean.Field;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

/** Parses a JSON-lines file: one object per line; a line that is not a JSON object carries a parse error. */
final class JsonLinesRecordParser implements FlatMapFunction<FileTask, Row>, Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] sources;
    private final String encoding;
    private final SerializableConfiguration hadoop;

    /** A parser that reads files with this Hadoop configuration, which travels with each task. */
    JsonLinesRecordParser(List<Field> fields, Charset encoding, Configuration hadoop) {
        this.hadoop = new SerializableConfiguration(Objects.requireNonNull(hadoop, "hadoop is null"));
        this.sources = fields.stream().map(Field::source).toArray(String[]::new);
        this.encoding = encoding.name();
    }

    @Override
    public Iterator<Row> call(FileTask task) throws IOException {
        TextLines reader = new TextLines(TextInput.open(hadoop.value(), task, Charset.forName(encoding)),
                task.start() == 0);
        // one object a line: text after it (two objects run together) is an error, not silently dropped
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return new Iterator<>() {
            private long line = task.firstLine() - 1;
            private Row next = advance();

            private Row advance() {
                try {
                    String text;
                    do {
                        text = reader.next();
                        line++;
                    } while (text != null && text.isBlank());
                    if (text == null) {
                        reader.close();
                        return null;
                    }
                    return parse(text);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + task.path(), e);
                }
            }

            private Row parse(String text) {
                String[] values = new String[sources.length];
                if (text.indexOf(TextInput.REPLACEMENT) >= 0) {
                    return RecordLayout.row(task, line, text, "encoding",
                            "the record holds bytes that are not valid in the declared encoding", values);
                }
                JsonNode node;
                try {
                    node = mapper.readTree(text);
                } catch (IOException e) {
                    String message = e.getMessage() == null ? "invalid JSON" : e.getMessage().split("\n")[0];
                    return RecordLayout.row(task, line, text, "parse_fields", "invalid JSON: " + message, values);
                }
                if (node == null || !node.isObject()) {
                    return RecordLayout.row(task, line, text, "parse_fields", "the line is not a JSON object", values);
                }
                for (int i = 0; i < sources.length; i++) {
                    values[i] = text(lookup(node, sources[i]));
                }
                return RecordLayout.row(task, line, text, null, null, values);
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row current = next;
                next = advance();
                return current;
            }
        };
    }

    private static JsonNode lookup(JsonNode node, String source) {
        JsonNode exact = node.get(source);
        if (exact != null) {
            return exact;
        }
        String wanted = SourceColumns.canonical(source);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (SourceColumns.canonical(name).equals(wanted)) {
                return node.get(name);
            }
        }
        return null;
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
