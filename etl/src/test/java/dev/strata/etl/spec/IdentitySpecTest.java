package dev.strata.etl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentitySpecTest {

    private final SpecLoader loader = new SpecLoader();

    private static final String SOURCES = """
            pipeline: p
            sources:
              - name: crm
                path: in
                format: csv
                schema:
                  - {name: id, type: string}
                  - {name: mail, type: string}
                  - {name: first, type: string}
                  - {name: at, type: timestamp}
                keys: [id]
                clean: {table: crm}
            """;

    @Test
    void theBundledSpecDeclaresItsIdentitySection() {
        PipelineSpec spec = loader.loadResource("cdp");
        IdentitySpec identity = spec.identity().orElseThrow();
        assertThat(identity.entity()).isEqualTo("customer");
        assertThat(identity.records()).extracting(IdentitySpec.RecordSource::source)
                .containsExactly("crm", "web", "transactions", "loyalty");
        assertThat(identity.identifiers()).containsExactly("email", "phone", "card", "device");
        assertThat(identity.fields().get("email").pii()).isEqualTo(IdentitySpec.Protection.HASH);
        assertThat(identity.deterministic()).containsExactly(List.of("card"));
        assertThat(identity.survivorship()).anySatisfy(s -> {
            assertThat(s.field()).isEqualTo("phone");
            assertThat(s.sources()).containsExactly("crm", "loyalty", "web");
        });
        assertThat(identity.orders()).isPresent();
        assertThat(identity.uniqueNames().orElseThrow().apartWhenDifferent())
                .containsExactly("dob", "phone", "device", "postcode");
        assertThat(identity.uniqueNames().orElseThrow().apartWhenRegularDifferent()).containsExactly("email");
        assertThat(identity.uniqueNames().orElseThrow().maxCustomers()).isEqualTo(4);
    }

    @Test
    void defaultsFillWhatASmallSectionLeavesOut() {
        IdentitySpec identity = loader.load(SOURCES + """
                identity:
                  fields:
                    email: {type: email}
                    given: {type: given_name}
                  records:
                    - {source: crm, key: id, seen_at: at, columns: {email: mail, given: first}}
                  blocking: [[email]]
                  comparisons: [{field: given, kind: jaro_winkler}]
                """, "p.yaml").identity().orElseThrow();
        assertThat(identity.entity()).isEqualTo("customer");
        assertThat(identity.threshold()).isEqualTo(0.95);
        assertThat(identity.maxRecordsPerIdentifier()).isEqualTo(20);
        assertThat(identity.fields().get("email").identifier()).isTrue();
        assertThat(identity.fields().get("given").identifier()).isFalse();
        assertThat(identity.fields().get("given").pii()).isEqualTo(IdentitySpec.Protection.MASK);
    }

    @Test
    void everyMistakeIsReportedWithItsPath() {
        assertThatThrownBy(() -> loader.load(SOURCES + """
                identity:
                  fields:
                    email: {type: mail}
                    given: {type: given_name, pii: scramble}
                  records:
                    - {source: shop, key: id, seen_at: at, columns: {email: mail}}
                    - {source: crm, key: nope, seen_at: at, columns: {given: first, phone: mail}}
                  blocking: [[email], [surname]]
                  comparisons: [{field: given, kind: fuzzy}]
                  threshold: 1.5
                  survivorship: {given: loudest}
                  orders: {source: crm, amount: total, at: at}
                  conflicts: [dob]
                  unique_names: {names: [given], apart_when_different: [shoe_size], max_customers: 50}
                  names_from_email: {email: given, given: given}
                """, "p.yaml")).isInstanceOf(SpecException.class)
                .hasMessageContaining("identity.unique_names.max_customers: must be at most 20")
                .hasMessageContaining("identity.names_from_email.family: is required")
                .hasMessageContaining("identity.conflicts: 'dob' is not compared")
                .hasMessageContaining("identity.unique_names.names: a full name needs at least two fields")
                .hasMessageContaining("identity.unique_names.apart_when_different: 'shoe_size' is not declared")
                .hasMessageContaining("identity.fields.email.type: unknown value 'mail'")
                .hasMessageContaining("identity.fields.given.pii: unknown value 'scramble'")
                .hasMessageContaining("identity.records[0].source: 'shop' is not a source of this pipeline")
                .hasMessageContaining("identity.records[1].key: 'nope' is not a column of source crm")
                .hasMessageContaining("identity.records[1].columns.phone: 'phone' is not declared under identity.fields")
                .hasMessageContaining("identity.blocking[1]: 'surname' is not declared")
                .hasMessageContaining("identity.comparisons[0].kind: unknown comparison kind 'fuzzy'")
                .hasMessageContaining("identity.threshold: must be a match probability between 0 and 1")
                .hasMessageContaining("identity.survivorship.given: unknown survivorship rule 'loudest'")
                .hasMessageContaining("identity.orders.amount: 'total' is not a column of source crm");
    }

    @Test
    void namesFromEmailNeedAnEmailFieldAndTwoNameFields() {
        assertThatThrownBy(() -> loader.load(SOURCES + """
                identity:
                  fields:
                    email: {type: email}
                    given: {type: given_name}
                    phone: {type: phone}
                  records:
                    - {source: crm, key: id, seen_at: at, columns: {given: first, email: mail}}
                  blocking: [[email]]
                  comparisons: [{field: given, kind: name}]
                  unique_names: {names: [given, phone], max_customers: 1, typos: maybe, apart_when_different: [email],
                                 apart_when_regular_different: [email, given, shoe]}
                  names_from_email: {email: phone, given: email, family: surname}
                """, "p.yaml")).isInstanceOf(SpecException.class)
                .hasMessageContaining("identity.names_from_email.email: 'phone' is of type phone, not email")
                .hasMessageContaining("identity.names_from_email.given: 'email' is of type email, not given_name or name")
                .hasMessageContaining("identity.names_from_email.family: 'surname' is not declared")
                .hasMessageContaining("identity.unique_names.max_customers: must be at least 2")
                .hasMessageContaining("identity.unique_names.apart_when_regular_different: 'email' is in "
                        + "apart_when_different too")
                .hasMessageContaining("identity.unique_names.apart_when_regular_different: 'given' is a name field")
                .hasMessageContaining("identity.unique_names.apart_when_regular_different: 'shoe' is not declared")
                .hasMessageContaining("identity.unique_names.typos");
    }

    @Test
    void theBundledFebrlPlanIsAnIdentitySectionWithoutRecords() {
        IdentitySpec febrl = loader.loadIdentityPlan("identity/febrl.yaml");
        assertThat(febrl.records()).isEmpty();
        assertThat(febrl.identifiers()).containsExactly("soc_sec_id");
        assertThat(febrl.comparisons()).hasSize(7);
        assertThat(febrl.blocking()).hasSize(7).contains(List.of("given", "family"));
        assertThat(febrl.threshold()).isEqualTo(0.9);
        assertThat(febrl.uniqueNames()).isEmpty();
    }

    @Test
    void anIdentityPlanAloneNamesNoRecordsAndIsCheckedLikeAPipelinesSection() {
        assertThatThrownBy(() -> loader.loadIdentityPlan("identity/with_records.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("identity.records: is not part of an identity plan alone")
                .hasMessageContaining("identity.max_records_per_identifier: must be at least 2");
        assertThatThrownBy(() -> loader.loadIdentityPlan("identity/none.yaml"))
                .isInstanceOf(SpecException.class).hasMessageContaining("no bundled identity plan");
    }
}
