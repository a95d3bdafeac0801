package dev.strata.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableNameTest {

    @Test
    void parsesZoneAndTable() {
        TableName name = TableName.parse("clean.service_requests");

        assertThat(name.zone()).isEqualTo("clean");
        assertThat(name.table()).isEqualTo("service_requests");
        assertThat(name).hasToString("clean.service_requests").isEqualTo(new TableName("clean", "service_requests"));
    }

    @Test
    void acceptsDigitsAndUnderscoresAfterTheFirstLetter() {
        assertThat(TableName.parse("zone_2.t1_x")).isEqualTo(new TableName("zone_2", "t1_x"));
    }

    @Test
    void rejectsTextThatIsNotZoneDotTable() {
        for (String bad : List.of("clean", ".orders", "clean.", "a.b.c", "")) {
            assertThatThrownBy(() -> TableName.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a table name is written zone.table, cannot be: '" + bad + "'");
        }
    }

    @Test
    void rejectsBadZonesAndTablesNamingTheBadValue() {
        assertThatThrownBy(() -> TableName.parse("Clean.orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zone must match [a-z][a-z0-9_]*, cannot be: 'Clean'");
        assertThatThrownBy(() -> TableName.parse("clean.2orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table must match [a-z][a-z0-9_]*, cannot be: '2orders'");
        assertThatThrownBy(() -> new TableName("clean", "order-lines"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table must match [a-z][a-z0-9_]*, cannot be: 'order-lines'");
        assertThatThrownBy(() -> new TableName("_raw", "orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'_raw'");
        assertThatThrownBy(() -> new TableName("clean", "or ders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'or ders'");
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> TableName.parse(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("text is null");
        assertThatThrownBy(() -> new TableName(null, "t")).isInstanceOf(NullPointerException.class)
                .hasMessage("zone is null");
        assertThatThrownBy(() -> new TableName("z", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("table is null");
    }

    @Test
    void sortsByZoneThenTable() {
        List<TableName> names = new ArrayList<>(List.of(TableName.parse("clean_b.a"), TableName.parse("clean.z"),
                TableName.parse("clean.a"), TableName.parse("curated.a")));
        Collections.sort(names);

        assertThat(names).extracting(TableName::toString)
                .containsExactly("clean.a", "clean.z", "clean_b.a", "curated.a");
    }
}
