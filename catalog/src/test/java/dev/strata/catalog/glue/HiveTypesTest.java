package dev.strata.catalog.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.VarcharType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HiveTypesTest {

    private static final StructType ADDRESS = new StructType()
            .add("street", DataTypes.StringType)
            .add("zip", DataTypes.IntegerType)
            .add("point", new StructType().add("lon", DataTypes.DoubleType).add("lat", DataTypes.DoubleType));

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(DataTypes.StringType, "string"),
                Arguments.of(DataTypes.BooleanType, "boolean"),
                Arguments.of(DataTypes.ByteType, "tinyint"),
                Arguments.of(DataTypes.ShortType, "smallint"),
                Arguments.of(DataTypes.IntegerType, "int"),
                Arguments.of(DataTypes.LongType, "bigint"),
                Arguments.of(DataTypes.FloatType, "float"),
                Arguments.of(DataTypes.DoubleType, "double"),
                Arguments.of(DataTypes.createDecimalType(12, 2), "decimal(12,2)"),
                Arguments.of(DataTypes.createDecimalType(38, 0), "decimal(38,0)"),
                Arguments.of(DataTypes.DateType, "date"),
                Arguments.of(DataTypes.TimestampType, "timestamp"),
                Arguments.of(DataTypes.BinaryType, "binary"),
                Arguments.of(new CharType(3), "char(3)"),
                Arguments.of(new VarcharType(40), "varchar(40)"),
                Arguments.of(DataTypes.createArrayType(DataTypes.StringType), "array<string>"),
                Arguments.of(DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), "map<string,bigint>"),
                Arguments.of(ADDRESS, "struct<street:string,zip:int,point:struct<lon:double,lat:double>>"),
                Arguments.of(DataTypes.createArrayType(ADDRESS),
                        "array<struct<street:string,zip:int,point:struct<lon:double,lat:double>>>"),
                Arguments.of(DataTypes.createMapType(DataTypes.StringType,
                        DataTypes.createArrayType(DataTypes.createDecimalType(10, 4))), "map<string,array<decimal(10,4)>>"));
    }

    @ParameterizedTest
    @MethodSource("types")
    void writesTheHiveTypeAndReadsTheSameSparkTypeBack(DataType spark, String hive) {
        assertThat(HiveTypes.hiveType(spark)).isEqualTo(hive);
        assertThat(HiveTypes.sparkType(hive)).isEqualTo(spark);
    }

    @Test
    void timestampWithoutTimeZoneIsWrittenAsHiveTimestamp() {
        assertThat(HiveTypes.hiveType(DataTypes.TimestampNTZType)).isEqualTo("timestamp");
        assertThat(HiveTypes.sparkType("timestamp")).isEqualTo(DataTypes.TimestampType);
    }

    @Test
    void readsTypesInAnyLetterCase() {
        assertThat(HiveTypes.sparkType("ARRAY<STRUCT<Id:BIGINT,Amount:DECIMAL(12,2)>>"))
                .isEqualTo(DataTypes.createArrayType(new StructType().add("Id", DataTypes.LongType)
                        .add("Amount", DataTypes.createDecimalType(12, 2))));
        assertThat(HiveTypes.sparkType(" integer ")).isEqualTo(DataTypes.IntegerType);
    }

    @Test
    void readsEveryNestedTypeAsNullable() {
        DataType strict = DataTypes.createArrayType(new StructType(new StructField[] {
            new StructField("id", DataTypes.LongType, false, Metadata.empty())}), false);
        DataType read = HiveTypes.sparkType(HiveTypes.hiveType(strict));
        assertThat(read).isEqualTo(DataTypes.createArrayType(new StructType().add("id", DataTypes.LongType), true));
    }

    @Test
    void quotesStructFieldNamesThatAreNotPlainIdentifiers() {
        StructType odd = new StructType().add("first name", DataTypes.StringType).add("a`b", DataTypes.IntegerType);
        String hive = HiveTypes.hiveType(odd);
        assertThat(hive).isEqualTo("struct<`first name`:string,`a``b`:int>");
        assertThat(HiveTypes.sparkType(hive)).isEqualTo(odd);
    }

    @Test
    void refusesTypesHiveCannotDeclare() {
        assertThatThrownBy(() -> HiveTypes.hiveType(DataTypes.CalendarIntervalType))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Spark type interval has no Glue column type; cast the column to a supported type");
        assertThatThrownBy(() -> HiveTypes.hiveType(DataTypes.NullType))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTextThatIsNoType() {
        assertThatThrownBy(() -> HiveTypes.sparkType("struct<a:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Glue column type 'struct<a:' is not a type Spark can read: ");
        assertThatThrownBy(() -> HiveTypes.sparkType(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
