package dev.strata.etl.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.row_number;

import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The baseline for {@code strata bench engine}: what an engineer would write by hand for the 311 data
 * with Spark's own CSV reader: parse, type, validate with the same rules, keep the last version of
 * each case, write valid rows and rejects to Delta. No raw text, line numbers or ledger.
 */
final class PlainServiceRequestJob {

    private static final String[] HEADER = {"OBJECTID", "Case Summary", "Case Status", "Case Source",
        "Case Created Date", "Case Created dttm", "Case Closed Date", "Case Closed dttm", "First Call Resolution",
        "Customer Zip Code", "Incident Address 1", "Incident Address 2", "Incident Intersection 1",
        "Incident Intersection 2", "Incident Zip Code", "Longitude", "Latitude", "Agency", "Division", "Major Area",
        "Type", "Topic", "Council District", "Police District", "Neighborhood"};

    private final SparkSession spark;

    PlainServiceRequestJob(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
    }

    /** Returns the number of valid rows written. */
    long run(String input, String output) {
        StructType schema = new StructType();
        for (String name : HEADER) {
            schema = schema.add(name, DataTypes.StringType);
        }
        schema = schema.add("_corrupt", DataTypes.StringType);
        Dataset<Row> raw = spark.read().option("header", "true").option("multiLine", "true")
                .option("escape", "\"").option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt")
                .schema(schema).csv(input);
        Dataset<Row> typed = raw.select(
                expr("cast(trim(`OBJECTID`) as long)").as("case_id"),
                expr("nullif(trim(`Case Summary`), '')").as("case_summary"),
                expr("nullif(trim(`Case Status`), '')").as("case_status"),
                expr("nullif(trim(`Case Source`), '')").as("case_source"),
                expr("to_date(trim(`Case Created Date`), 'M/d/yyyy')").as("case_created_date"),
                expr("to_timestamp(trim(`Case Created dttm`), 'M/d/yyyy h:mm:ss a')").as("case_created_dttm"),
                expr("to_date(trim(`Case Closed Date`), 'M/d/yyyy')").as("case_closed_date"),
                expr("to_timestamp(trim(`Case Closed dttm`), 'M/d/yyyy h:mm:ss a')").as("case_closed_dttm"),
                expr("case lower(trim(`First Call Resolution`)) when 'yes' then true when 'no' then false end")
                        .as("first_call_resolution"),
                expr("nullif(trim(`Customer Zip Code`), '')").as("customer_zip_code"),
                expr("nullif(trim(`Incident Address 1`), '')").as("incident_address_1"),
                expr("nullif(trim(`Incident Address 2`), '')").as("incident_address_2"),
                expr("nullif(trim(`Incident Intersection 1`), '')").as("incident_intersection_1"),
                expr("nullif(trim(`Incident Intersection 2`), '')").as("incident_intersection_2"),
                expr("nullif(trim(`Incident Zip Code`), '')").as("incident_zip_code"),
                expr("cast(trim(`Longitude`) as double)").as("longitude"),
                expr("cast(trim(`Latitude`) as double)").as("latitude"),
                expr("nullif(trim(`Agency`), '')").as("agency"),
                expr("nullif(trim(`Division`), '')").as("division"),
                expr("nullif(trim(`Major Area`), '')").as("major_area"),
                expr("nullif(trim(`Type`), '')").as("type"),
                expr("nullif(trim(`Topic`), '')").as("topic"),
                expr("cast(trim(`Council District`) as int)").as("council_district"),
                expr("cast(trim(`Police District`) as int)").as("police_district"),
                expr("nullif(trim(`Neighborhood`), '')").as("neighborhood"),
                col("_corrupt"));
        Column valid = expr("_corrupt is null and case_id is not null and case_created_dttm is not null"
                + " and (latitude is null or latitude between 39.5 and 40.1)"
                + " and (longitude is null or longitude between -105.3 and -104.5)"
                + " and (council_district is null or council_district between 1 and 11)"
                + " and (police_district is null or police_district between 1 and 7)"
                + " and (incident_zip_code is null or incident_zip_code rlike '^[0-9]{5}$')"
                + " and (customer_zip_code is null or customer_zip_code rlike '^[0-9]{5}$')"
                + " and (case_summary is null or length(case_summary) <= 500)"
                + " and (case_closed_dttm is null or case_closed_dttm >= case_created_dttm)"
                + " and (case_status is null or case_status in ('Closed', 'Open', 'In Progress', 'Pending'))");
        Dataset<Row> checked = typed.withColumn("_valid", valid).cache();
        checked.where("not _valid").write().format("delta").mode(SaveMode.Overwrite).save(output + "/rejects");
        Dataset<Row> deduplicated = checked.where("_valid")
                .withColumn("_rank", row_number().over(Window.partitionBy("case_id")
                        .orderBy(col("case_created_dttm").desc())))
                .where("_rank = 1").drop("_rank", "_valid", "_corrupt");
        deduplicated.write().format("delta").mode(SaveMode.Overwrite).save(output + "/clean");
        checked.unpersist();
        return spark.read().format("delta").load(output + "/clean").count();
    }
}
