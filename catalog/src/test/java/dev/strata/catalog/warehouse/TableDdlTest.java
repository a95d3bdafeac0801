package dev.strata.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableDdlTest {

    private static final StructType EVERY_TYPE = new StructType()
            .add("case_id", DataTypes.LongType, false)
            .add("Summary", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("district", DataTypes.IntegerType)
            .add("priority", DataTypes.ShortType)
            .add("flag_byte", DataTypes.ByteType)
            .add("fine", DataTypes.createDecimalType(12, 2))
            .add("latitude", DataTypes.DoubleType)
            .add("score", DataTypes.FloatType)
            .add("resolved", DataTypes.BooleanType)
            .add("created_at", DataTypes.TimestampType)
            .add("closed_at", DataTypes.TimestampNTZType)
            .add("photo", DataTypes.BinaryType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType))
            .add("attributes", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
            .add("address", new StructType().add("street", DataTypes.StringType).add("zip", DataTypes.IntegerType))
            .add("created_date", DataTypes.DateType);

    private static TableDefinition definition() {
        return TableDefinition.builder("curated", "service_requests", EVERY_TYPE)
                .partitionColumns(List.of("created_date"))
                .primaryKey(List.of("case_id"))
                .layout(RedshiftLayout.distributedBy("case_id", List.of("created_date", "case_id")))
                .varcharLength("summary", 1024)
                .varcharLength("status", 16)
                .location("s3a://strata-lake/curated/service_requests")
                .build();
    }

    @Test
    void redshiftTableHasRedshiftTypesKeyAndLayout() {
        assertThat(new TableDdl(definition()).create(SqlDialect.REDSHIFT)).isEqualTo("""
                CREATE TABLE IF NOT EXISTS "curated"."service_requests" (
                  "case_id" BIGINT NOT NULL,
                  "summary" VARCHAR(1024),
                  "status" VARCHAR(16),
                  "district" INTEGER,
                  "priority" SMALLINT,
                  "flag_byte" SMALLINT,
                  "fine" DECIMAL(12,2),
                  "latitude" DOUBLE PRECISION,
                  "score" REAL,
                  "resolved" BOOLEAN,
                  "created_at" TIMESTAMP,
                  "closed_at" TIMESTAMP,
                  "photo" VARBYTE,
                  "tags" SUPER,
                  "attributes" SUPER,
                  "address" SUPER,
                  "created_date" DATE,
                  PRIMARY KEY ("case_id")
                )
                DISTSTYLE KEY
                DISTKEY ("case_id")
                COMPOUND SORTKEY ("created_date", "case_id")""");
    }

    @Test
    void postgresqlFlavorLeavesOutTheLayoutAndMapsSuperAndVarbyte() {
        String ddl = new TableDdl(definition()).redshift(WarehouseFlavor.POSTGRESQL);
        assertThat(ddl).startsWith("CREATE TABLE IF NOT EXISTS \"curated\".\"service_requests\" (\n")
                .contains("  \"photo\" BYTEA,\n  \"tags\" JSONB,\n  \"attributes\" JSONB,\n  \"address\" JSONB,\n")
                .endsWith("  PRIMARY KEY (\"case_id\")\n)")
                .doesNotContain("DIST", "SORTKEY", "SUPER", "VARBYTE");
    }

    @Test
    void singleSortKeyAndOtherDistStyles() {
        StructType columns = new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
        TableDefinition table = TableDefinition.builder("s", "t", columns)
                .layout(RedshiftLayout.of(DistStyle.ALL, List.of("id"))).build();
        assertThat(new TableDdl(table).create(SqlDialect.REDSHIFT)).isEqualTo("""
                CREATE TABLE IF NOT EXISTS "s"."t" (
                  "id" BIGINT,
                  "name" VARCHAR(256)
                )
                DISTSTYLE ALL
                SORTKEY ("id")""");
    }

    @Test
    void spectrumTableReadsTheSymlinkManifestsWithHiveTypes() {
        assertThat(new TableDdl(definition()).create(SqlDialect.SPECTRUM)).isEqualTo("""
                CREATE EXTERNAL TABLE "curated"."service_requests" (
                  "case_id" bigint,
                  "summary" string,
                  "status" string,
                  "district" int,
                  "priority" smallint,
                  "flag_byte" tinyint,
                  "fine" decimal(12,2),
                  "latitude" double,
                  "score" float,
                  "resolved" boolean,
                  "created_at" timestamp,
                  "closed_at" timestamp,
                  "photo" binary,
                  "tags" array<string>,
                  "attributes" map<string,bigint>,
                  "address" struct<street:string,zip:int>
                )
                PARTITIONED BY ("created_date" date)
                ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
                STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.SymlinkTextInputFormat'
                OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
                LOCATION 's3://strata-lake/curated/service_requests/_symlink_format_manifest/'""");
    }

    @Test
    void athenaTableIsANativeDeltaTable() {
        assertThat(new TableDdl(definition()).create(SqlDialect.ATHENA)).isEqualTo("""
                CREATE EXTERNAL TABLE `curated`.`service_requests`
                LOCATION 's3://strata-lake/curated/service_requests'
                TBLPROPERTIES ('table_type'='DELTA')""");
    }

    @Test
    void spectrumSchemaStatement() {
        String role = "arn:aws:iam::123456789012:role/strata-spectrum";
        assertThat(new SpectrumSchema("lake_curated", "curated", role).createStatement()).isEqualTo(
                "CREATE EXTERNAL SCHEMA IF NOT EXISTS \"lake_curated\" FROM DATA CATALOG DATABASE 'curated'"
                        + " IAM_ROLE 'arn:aws:iam::123456789012:role/strata-spectrum'");
        assertThat(new SpectrumSchema("lake_curated", "curated", role, Optional.of("eu-west-1")).createStatement())
                .endsWith(" IAM_ROLE 'arn:aws:iam::123456789012:role/strata-spectrum' REGION 'eu-west-1'");
        assertThatThrownBy(() -> new SpectrumSchema("s", "db", "arn:aws:iam::1:role/x' OR '1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IAM role ARN");
    }

    @Test
    void badNamesLengthsAndLocationsAreOneLineErrors() {
        StructType columns = new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
        assertThatThrownBy(() -> TableDefinition.builder("s", "t\"; DROP TABLE x; --", columns).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("table must be letters");
        assertThatThrownBy(() -> TableDefinition.builder("s", "t", new StructType().add("a b", DataTypes.LongType)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a b'");
        assertThatThrownBy(() -> TableDefinition.builder("s", "t", columns).varcharLength("name", 65536).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("VARCHAR length of s.t.name must be 1 to 65535, cannot be: 65536");
        assertThatThrownBy(() -> TableDefinition.builder("s", "t", columns).varcharLength("id", 10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a string column");
        assertThatThrownBy(() -> TableDefinition.builder("s", "t", columns).primaryKey(List.of("nope")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("key column nope is not a column of s.t");
        assertThatThrownBy(() -> TableDefinition.builder("s", "t", columns).location("s3://bucket/it's").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quotes");
        assertThatThrownBy(() -> TableDefinition.builder("s", "t", columns).location("/tmp/lake").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with s3://");
        assertThatThrownBy(() -> new TableDdl(TableDefinition.builder("s", "t", columns).build()).create(SqlDialect.ATHENA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("table s.t needs an S3 location for an external table");
        assertThatThrownBy(() -> new RedshiftLayout(DistStyle.EVEN, Optional.of("id"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DISTSTYLE KEY");
    }
}
