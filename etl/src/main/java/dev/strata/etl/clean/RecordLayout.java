package dev.strata.etl.clean;

import static dev.strata.transforms.clean.RecordColumns.BATCH_ID;
import static dev.strata.transforms.clean.RecordColumns.INGESTED_AT;
import static dev.strata.transforms.clean.RecordColumns.LINE_NUMBER;
import static dev.strata.transforms.clean.RecordColumns.PARSE_ERROR;
import static dev.strata.transforms.clean.RecordColumns.PARSE_RULE;
import static dev.strata.transforms.clean.RecordColumns.RAW_TEXT;
import static dev.strata.transforms.clean.RecordColumns.SOURCE_FILE;

import dev.strata.transforms.clean.Field;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The shape of a parsed raw record: the metadata columns, then one string per declared field. */
final class RecordLayout {

    static final int METADATA = 7;

    private RecordLayout() {
    }

    static StructType schema(List<Field> fields) {
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField(BATCH_ID, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(LINE_NUMBER, DataTypes.LongType, true),
            DataTypes.createStructField(RAW_TEXT, DataTypes.StringType, true),
            DataTypes.createStructField(PARSE_RULE, DataTypes.StringType, true),
            DataTypes.createStructField(PARSE_ERROR, DataTypes.StringType, true),
            DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false),
        });
        for (Field field : fields) {
            schema = schema.add(field.name(), DataTypes.StringType, true);
        }
        return schema;
    }

    static Row row(FileTask task, long line, String raw, String rule, String error, String[] values) {
        Object[] cells = new Object[METADATA + values.length];
        cells[0] = task.batchId();
        cells[1] = task.path();
        cells[2] = line;
        cells[3] = raw;
        cells[4] = rule;
        cells[5] = error;
        cells[6] = new Timestamp(task.ingestedAtMillis());
        System.arraycopy(values, 0, cells, METADATA, values.length);
        return RowFactory.create(cells);
    }
}
