package dev.strata.transforms.identity;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.transforms.SparkTestSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class StandardisationTest {

    private final SparkSession spark = SparkTestSession.get();
    private final Standardisation standard = new Standardisation(spark);

    private List<String> apply(java.util.function.Function<Column, Column> f, String... values) {
        Dataset<Row> in = spark.createDataset(Arrays.asList(values), Encoders.STRING()).toDF("v");
        List<String> out = new ArrayList<>();
        for (Row row : in.select(f.apply(col("v"))).collectAsList()) {
            out.add(row.isNullAt(0) ? null : row.getString(0));
        }
        return out;
    }

    @Test
    void emailsLoseCaseSpacesTagsAndGmailDots() {
        assertThat(apply(standard::email, " Jane.Doe+shop@GMail.com ", "janedoe@googlemail.com",
                "jane.doe+news@outlook.com", "j.smith@yahoo.com", "not an email", "@gmail.com", "+x@gmail.com", null))
                .containsExactly("janedoe@gmail.com", "janedoe@gmail.com", "jane.doe@outlook.com",
                        "j.smith@yahoo.com", null, null, null, null);
    }

    @Test
    void phonesBecomeE164OrNothing() {
        assertThat(apply(standard::phone, "(303) 555-0142", "303.555.0142", "+1 303 555 0142", "3035550142",
                "+44 20 7946 0958", "0000000000", "12", "", null))
                .containsExactly("+13035550142", "+13035550142", "+13035550142", "+13035550142", "+442079460958",
                        null, null, null, null);
    }

    @Test
    void twoRegionsInOneSessionAndOneQueryKeepTheirOwnReading() {
        Standardisation british = new Standardisation(spark, "GB", Set.of());
        // made after the British one: a function registered by name in the session would replace it
        Standardisation american = new Standardisation(spark, "US", Set.of());
        Row row = spark.createDataset(List.of("020 7946 0958"), Encoders.STRING()).toDF("v")
                .select(british.phone(col("v")), american.phone(col("v")),
                        british.phone(org.apache.spark.sql.functions.lit("(303) 555-0142")),
                        american.phone(org.apache.spark.sql.functions.lit("(303) 555-0142"))).first();
        assertThat(row.getString(0)).isEqualTo("+442079460958");
        assertThat(row.isNullAt(1)).as("not a valid US number").isTrue();
        assertThat(row.getString(2)).as("read as a British number").isNotEqualTo("+13035550142");
        assertThat(row.getString(3)).isEqualTo("+13035550142");
        assertThat(List.of(spark.catalog().listFunctions().collectAsList().stream()
                .map(f -> f.name()).filter(n -> n.contains("e164")).toArray())).isEmpty();
    }

    @Test
    void namesAreFoldedAndNicknamesBecomeFormal() {
        assertThat(apply(standard::name, "  José  O'Brien-Núñez ", "ZOË", "--", null))
                .containsExactly("jose o brien nunez", "zoe", null, null);
        Dataset<Row> people = spark.createDataset(List.of("Jim", "JAMES", "Liz", "Pat", "Tristan"), Encoders.STRING())
                .toDF("given");
        List<String> formal = new ArrayList<>();
        for (Row row : standard.formalGivenName(people, "given", "given_std").orderBy("given").collectAsList()) {
            formal.add(row.getString(0) + "=" + row.getString(1));
        }
        // 'pat' is short for patrick, patricia and patience, 'liz' for elizabeth, lisa and lizzie: they stay as
        // they are (the comparison levels relate them to each formal name)
        assertThat(formal).containsExactly("JAMES=james", "Jim=james", "Liz=liz", "Pat=pat", "Tristan=tristan");
    }

    @Test
    void addressesUseTheShortStreetWords() {
        assertThat(apply(standard::address, "12 North Main Street, Apartment 4", "12 N. Main St. Apt 4",
                "700 Park Avenue")).containsExactly("12 n main st apt 4", "12 n main st apt 4", "700 park ave");
        // every way of writing a unit is the same unit
        assertThat(apply(standard::address, "9 Elm St #4B", "9 Elm St Unit 4B", "9 Elm St, Apt 4B", "9 Elm St Apt #4B",
                "9 Elm St Suite 4B")).containsOnly("9 elm st apt 4b");
    }

    @Test
    void zipCodesHaveFiveDigitsAndIdentifiersNoCase() {
        assertThat(apply(standard::usZip, "80205", "80205-1234", "2134", " 02134 ", "802", "12345678", "", null))
                .containsExactly("80205", "80205", "02134", "02134", "00802", null, null, null);
        assertThat(apply(standard::postcode, "2600", " 26-00 ", "none", null)).containsExactly("2600", "2600", null, null);
        assertThat(apply(standard::identifier, " AB12Cd ", "  ", null)).containsExactly("ab12cd", null, null);
    }

    @Test
    void refusesAnUnknownRegion() {
        assertThatThrownBy(() -> new Standardisation(spark, "XX", Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be: XX");
    }
}
