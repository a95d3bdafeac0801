package dev.strata.etl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishReaderTest {

    private final SpecLoader loader = new SpecLoader();

    private static final String BASE = """
            pipeline: shop
            variables:
              role: arn:aws:iam::123456789012:role/loader
              warehouse: jdbc:redshift://example.eu-west-1.redshift.amazonaws.com:5439/dev
            sources:
              - name: orders
                path: in
                schema: [{name: id, type: long}, {name: day, type: date}]
                keys: [id]
            curated:
              - {name: by_day, sql: shop/by_day.sql, mode: merge, merge_keys: [day]}
              - {name: ranking, sql: shop/ranking.sql, mode: replace}
              - {name: live, sql: shop/live.sql, mode: view}
            """;

    private PipelineSpec load(String publish) {
        return loader.load(BASE + publish, "shop.yaml");
    }

    private List<SpecProblem> problems(String publish) {
        return catchThrowableOfType(() -> load(publish), SpecException.class).problems();
    }

    @Test
    void aSpecWithoutPublishPublishesNothing() {
        assertThat(loader.load(BASE, "shop.yaml").publish().isEmpty()).isTrue();
    }

    @Test
    void readsEverySetting() {
        PipelineSpec spec = load("""
                publish:
                  glue:
                    database_prefix: dev_
                    databases: {curated: shop}
                    zones: [clean, curated]
                    spectrum: false
                    spectrum_suffix: _ext
                  redshift:
                    url: ${warehouse}
                    user: loader
                    password_env: SHOP_PASSWORD
                    iam_role: ${role}
                    schema: shop_dw
                    spectrum_schema: shop_lake
                    load: listed
                    tables:
                      - {name: by_day, target: orders_by_day, keys: [day], dist_key: day, sort_keys: [day],
                         varchar: {label: 40}}
                      - ranking
                """).withVariables(Map.of());

        PublishSpec.Glue glue = spec.publish().glue().orElseThrow();
        assertThat(glue.database("curated", "")).isEqualTo("dev_shop");
        assertThat(glue.database("clean", "ci_")).isEqualTo("ci_dev_clean");
        assertThat(glue.zones()).containsExactly("clean", "curated");
        assertThat(glue.spectrum()).isFalse();
        assertThat(glue.spectrumSuffix()).isEqualTo("_ext");

        PublishSpec.Redshift redshift = spec.publish().redshift().orElseThrow();
        assertThat(redshift.url()).contains("jdbc:redshift://example.eu-west-1.redshift.amazonaws.com:5439/dev");
        assertThat(redshift.iamRole()).contains("arn:aws:iam::123456789012:role/loader");
        assertThat(redshift.user()).contains("loader");
        assertThat(redshift.passwordEnv()).isEqualTo("SHOP_PASSWORD");
        assertThat(redshift.schema()).isEqualTo("shop_dw");
        assertThat(redshift.spectrumSchema()).contains("shop_lake");
        assertThat(redshift.tables()).containsExactly(
                new PublishSpec.Table("by_day", "orders_by_day", Optional.of(List.of("day")), Optional.of("day"), "key",
                        List.of("day"), Map.of("label", 40)),
                PublishSpec.Table.defaults("ranking"));
        assertThat(redshift.onlyListed()).isTrue();
        assertThat(redshift.table("ranking")).contains(PublishSpec.Table.defaults("ranking"));
        assertThat(redshift.table("live")).isEmpty();
    }

    @Test
    void servedViewsGoBesideTheCuratedDatabaseUnlessNamed() {
        PublishSpec.Glue beside = load("""
                publish:
                  glue: {database_prefix: '', databases: {curated: shop}}
                """).publish().glue().orElseThrow();
        assertThat(beside.database("views", "")).isEqualTo("shop_views");
        assertThat(beside.database("clean", "")).isEqualTo("clean");
        PublishSpec.Glue named = load("""
                publish:
                  glue: {database_prefix: '', databases: {curated: shop, views: shop_dashboards}}
                """).publish().glue().orElseThrow();
        assertThat(named.database("views", "")).isEqualTo("shop_dashboards");
    }

    @Test
    void fillsTheDefaults() {
        PipelineSpec spec = load("""
                publish:
                  glue: true
                  redshift: {}
                """);
        PublishSpec.Glue glue = spec.publish().glue().orElseThrow();
        assertThat(glue.database("quarantine", "")).isEqualTo("strata_quarantine");
        assertThat(glue.zones()).containsExactly("clean", "quarantine", "curated", "views");
        assertThat(glue.database("views", "")).isEqualTo("strata_views");
        assertThat(glue.spectrum()).isTrue();
        assertThat(glue.spectrumSuffix()).isEqualTo("_spectrum");
        PublishSpec.Redshift redshift = spec.publish().redshift().orElseThrow();
        assertThat(redshift.schema()).isEqualTo("shop");
        assertThat(redshift.url()).isEmpty();
        assertThat(redshift.passwordEnv()).isEqualTo("STRATA_REDSHIFT_PASSWORD");
        assertThat(redshift.tables()).isEmpty();
        assertThat(redshift.onlyListed()).isFalse();
        assertThat(redshift.table("ranking")).contains(PublishSpec.Table.defaults("ranking"));
    }

    @Test
    void reportsEveryMistakeWithItsPath() {
        List<SpecProblem> found = problems("""
                publish:
                  glue:
                    databases: {raw: x, curated: "Shop-DW"}
                    zonez: [clean]
                  redshift:
                    url: "jdbc:redshift://h:5439/dev;password=secret"
                    iam_role: my-role
                    password_env: lower-case
                    tables:
                      - {name: nope}
                      - {name: live}
                      - {name: by_day, dist_style: key}
                      - {name: ranking, varchar: {label: 70000}, target: by_day}
                      - {name: by_day}
                """);
        assertThat(found).extracting(p -> p.path() + ": " + p.message()).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("publish.glue.zonez: unknown key 'zonez' (did you mean 'zones'?)"),
                p -> assertThat(p).startsWith("publish.glue.databases.raw: unknown zone 'raw'"),
                p -> assertThat(p).startsWith("publish.glue.databases.curated: 'Shop-DW' is not a valid name"),
                p -> assertThat(p).startsWith("publish.redshift.url: must not hold a password"),
                p -> assertThat(p).startsWith("publish.redshift.iam_role: 'my-role' is not an IAM role ARN"),
                p -> assertThat(p).startsWith("publish.redshift.password_env: 'lower-case' is not an environment"),
                p -> assertThat(p).startsWith("publish.redshift.tables[0].name: 'nope' is not a curated step"),
                p -> assertThat(p).startsWith("publish.redshift.tables[1].name: 'live' is a view"),
                p -> assertThat(p).startsWith("publish.redshift.tables[2].dist_style: dist_style key needs dist_key"),
                p -> assertThat(p).startsWith("publish.redshift.tables[3].varchar.label: a VARCHAR length is between"),
                p -> assertThat(p).startsWith("publish.redshift.tables[3].target: two tables load into shop.by_day"),
                p -> assertThat(p).startsWith("publish.redshift.tables[4].name: table 'by_day' is listed twice"));
    }

    @Test
    void anUndeclaredVariableIsAProblem() {
        assertThat(problems("""
                publish:
                  redshift: {url: "${nowhere}"}
                """)).extracting(SpecProblem::message)
                .containsExactly("uses ${nowhere}, which is not declared under variables:");
    }
}
