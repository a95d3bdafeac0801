package dev.strata.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces every generator shares: the random source, weighted draws, CSV tables in and CSV records out. */
class SharedPiecesTest {

    @Test
    void aDiceOfTheSameSeedSubjectAndPurposeDrawsTheSameAndAnotherPurposeDrawsOtherwise() {
        List<Long> first = draws(Dice.of(7, 42, 1));
        assertThat(draws(Dice.of(7, 42, 1))).isEqualTo(first);
        assertThat(draws(Dice.of(7, 42, 2))).isNotEqualTo(first);
        assertThat(draws(Dice.of(7, 43, 1))).isNotEqualTo(first);
        Dice dice = Dice.of(1, 2, 3);
        for (int i = 0; i < 10_000; i++) {
            double unit = dice.unit();
            assertThat(unit).isGreaterThanOrEqualTo(0).isLessThan(1);
            assertThat(dice.between(-3, 3)).isBetween(-3, 3);
            assertThat(dice.between(10L, 12L)).isBetween(10L, 12L);
        }
    }

    @Test
    void gaussianKeepsThePairsSecondValueWhileTheLogNormalOfItsOwnPairTakesTwoUniformsEachTime() {
        Dice paired = new Dice(99);
        paired.gaussian();
        paired.gaussian();
        Dice counted = new Dice(99);
        counted.unit();
        counted.unit();
        assertThat(paired.nextLong()).as("two normal values from one pair of uniforms").isEqualTo(counted.nextLong());

        Dice own = new Dice(99);
        own.logNormalOfOwnPair(42, 0.9);
        own.logNormalOfOwnPair(42, 0.9);
        Dice four = new Dice(99);
        for (int i = 0; i < 4; i++) {
            four.unit();
        }
        assertThat(own.nextLong()).as("two uniforms per draw").isEqualTo(four.nextLong());

        Dice poisson = new Dice(5);
        assertThat(poisson.poisson(0)).isZero();
        assertThat(poisson.nextLong()).as("a mean of 0 takes no draw").isEqualTo(new Dice(5).nextLong());
        assertThatThrownBy(() -> poisson.poisson(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightedDrawsFollowTheWeightsAndNeverDrawAWeightOfZero() {
        Weighted<String> weighted = new Weighted<>(List.of("a", "never", "b"), new double[] {1, 0, 3});
        Dice dice = new Dice(3);
        int a = 0;
        int b = 0;
        for (int i = 0; i < 40_000; i++) {
            String item = weighted.draw(dice);
            assertThat(item).isNotEqualTo("never");
            if (item.equals("a")) {
                a++;
            } else {
                b++;
            }
        }
        assertThat((double) b / a).isBetween(2.8, 3.2);
        assertThatThrownBy(() -> new Weighted<>(List.of("a"), new double[] {1, 2}))
                .hasMessageContaining("one weight per item");
        assertThatThrownBy(() -> Weighted.of("codes", List.of("x", "y"), item -> 0))
                .hasMessageContaining("codes: the weights must not all be 0");
        assertThatThrownBy(() -> Weighted.of("codes", List.of("x"), item -> -1))
                .hasMessageContaining("must be a number of at least 0");
    }

    @Test
    void aCsvTableKeepsValuesAsWrittenAndSaysWhichRecordIsWrong() {
        CsvTable table = CsvTable.parse("t.csv", "\uFEFFname,weight,note\n"
                + "Ann, 2 ,\" x, \"\"y\"\"\"\n\n"
                + "Bo,,\n", List.of("name", "weight"));
        List<CsvTable.Row> rows = table.rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text("note")).isEqualTo(" x, \"y\"");
        assertThat(rows.get(0).weight()).isEqualTo(2);
        assertThat(rows.get(1).weight()).as("an empty weight counts 1").isEqualTo(1);
        assertThat(rows.get(1).textOrNull("note")).isNull();
        assertThatThrownBy(() -> rows.get(1).required("note")).hasMessage("t.csv record 2: note must not be empty");
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "name\nAnn,1\n", List.of("name")))
                .hasMessage("t.csv record 1 must have 1 fields like the header, cannot have: 2");
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "name\n", List.of("name", "weight")))
                .hasMessageContaining("missing [weight]");
        assertThatThrownBy(() -> CsvTable.read("generate/none.csv", List.of("name")))
                .hasMessageContaining("generate/none.csv is not on the class path");
    }

    @Test
    void aCsvRecordQuotesWhatNeedsQuotingAndEdgeSpacesOnlyWhenAsked() {
        CsvRecord quoting = new CsvRecord(true).field("plain").field(null).field(" edge").field("a,b")
                .field("say \"hi\"").field("two\nlines");
        assertThat(quoting.text()).isEqualTo("plain,,\" edge\",\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"");
        assertThat(quoting.quoted()).isTrue();
        assertThat(quoting.multiline()).isTrue();

        CsvRecord bare = new CsvRecord(false).field(" ").field("x ").verbatim("1,2").field("");
        assertThat(bare.text()).isEqualTo(" ,x ,1,2,");
        assertThat(bare.quoted()).isFalse();
        assertThat(bare.multiline()).isFalse();
    }

    @Test
    void anEncodedLineWritesTheStandInCharactersAsTheBytesTheyStandFor() {
        CsvLine.Encoded encoded = CsvLine.encode(new String[] {"a" + CsvLine.INVALID_FF, "b"}, -1);
        assertThat(encoded.bytes()).containsExactly('a', 0xFF, ',', 'b');
    }

    @Test
    void theNextDrawsAreTheDrawsOfTheJdksSplittableRandomOfTheSameSeed() {
        for (long seed : new long[] {0, 1, 311, -7, Long.MAX_VALUE}) {
            Dice dice = new Dice(seed);
            java.util.SplittableRandom jdk = new java.util.SplittableRandom(seed);
            for (int i = 0; i < 2_000; i++) {
                assertThat(dice.nextInt(98)).isEqualTo(jdk.nextInt(98));
                assertThat(dice.nextInt(1 << 20)).isEqualTo(jdk.nextInt(1 << 20));
                assertThat(dice.nextInt(Integer.MAX_VALUE - 3)).isEqualTo(jdk.nextInt(Integer.MAX_VALUE - 3));
                assertThat(dice.nextLong(3_000_000_000_017L)).isEqualTo(jdk.nextLong(3_000_000_000_017L));
                assertThat(dice.nextBoolean()).isEqualTo(jdk.nextBoolean());
                assertThat(dice.nextDouble()).isEqualTo(jdk.nextDouble());
                assertThat(dice.nextInt()).isEqualTo(jdk.nextInt());
                assertThat(dice.nextLong()).isEqualTo(jdk.nextLong());
            }
        }
        assertThatThrownBy(() -> new Dice(1).nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> draws(Dice dice) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            values.add(dice.nextLong());
        }
        return values;
    }
}
