package dev.strata.etl.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.lake.Lake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads and writes run records under {@code <lake>/_runs/}. */
public final class RunStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Lake lake;

    public RunStore(Lake lake) {
        this.lake = Objects.requireNonNull(lake, "lake is null");
    }

    public void write(RunRecord record) {
        try {
            lake.writeText(lake.runs() + "/" + record.runId() + ".json", JSON.writeValueAsString(record));
        } catch (IOException e) {
            throw new ServiceFailure("cannot write run record " + record.runId() + ": " + ServiceFailure.detail(e), e);
        }
    }

    /** All run records, newest first. */
    public List<RunRecord> list() {
        String dir = lake.runs();
        FileSystem fs = lake.fileSystem(dir);
        List<RunRecord> records = new ArrayList<>();
        try {
            if (!fs.exists(new Path(dir))) {
                return records;
            }
            for (FileStatus status : fs.listStatus(new Path(dir))) {
                String name = status.getPath().getName();
                if (name.endsWith(".json") && !name.startsWith(".")) {
                    records.add(JSON.readValue(lake.readText(status.getPath().toString()), RunRecord.class));
                }
            }
        } catch (IOException e) {
            throw new ServiceFailure("cannot read run records in " + dir + ": " + ServiceFailure.detail(e), e);
        }
        records.sort(Comparator.comparing(RunRecord::startedAt).reversed());
        return records;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static <T> T parse(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read JSON as " + type.getSimpleName() + ": " + ServiceFailure.detail(e), e);
        }
    }
}
