package dev.strata.etl.spec;

import dev.strata.etl.spec.IdentitySpec.ComparisonSpec;
import dev.strata.etl.spec.IdentitySpec.Field;
import dev.strata.etl.spec.IdentitySpec.FieldType;
import dev.strata.etl.spec.IdentitySpec.OrdersSpec;
import dev.strata.etl.spec.IdentitySpec.Protection;
import dev.strata.etl.spec.IdentitySpec.RecordSource;
import dev.strata.etl.spec.IdentitySpec.SurvivorshipSpec;
import dev.strata.transforms.identity.IdentityResolver;
import dev.strata.transforms.identity.NamesFromEmail;
import dev.strata.transforms.identity.ResolutionPlan;
import dev.strata.transforms.identity.UniqueNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks the {@code identity:} section against the pipeline's sources. */
final class IdentityReader {

    private static final Set<String> KEYS = Set.of("entity", "records", "fields", "max_records_per_identifier",
            "deterministic", "blocking", "max_block_size", "comparisons", "threshold", "max_cluster_size",
            "survivorship", "orders", "conflicts", "training", "frequency_adjusted", "unique_names",
            "names_from_email");
    static final List<String> RULES = List.of("most_recent", "most_frequent", "source_priority", "longest");

    private final SpecNode node;
    private final Map<String, SourceSpec> sources = new LinkedHashMap<>();
    private final boolean withRecords;

    /**
     * @param withRecords whether the section links records of the pipeline's {@code sources} (a pipeline's
     *     identity section), or is a plan alone, whose records an evaluation reads itself
     */
    IdentityReader(SpecNode node, List<SourceSpec> sources, boolean withRecords) {
        this.node = node;
        this.withRecords = withRecords;
        sources.forEach(s -> this.sources.put(s.name(), s));
    }

    Optional<IdentitySpec> read() {
        if (!node.requireObject("identity: is a mapping with entity:, records:, fields:, blocking: and comparisons:")) {
            return Optional.empty();
        }
        node.allowOnly(KEYS);
        String entity = node.has("entity") ? SpecLoader.name(node.get("entity")) : "customer";
        Map<String, Field> parsed = fields(node.get("fields"));
        // names are checked against every declared field, also those whose own declaration has a mistake
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String name : node.get("fields").fieldNames()) {
            fields.put(name, parsed.getOrDefault(name, new Field(name, FieldType.TEXT, false, Protection.DROP)));
        }
        List<RecordSource> records = new ArrayList<>();
        if (withRecords && node.get("records").isMissing()) {
            node.get("records").problem("is required: the sources whose records are linked");
        } else if (!withRecords && !node.get("records").isMissing()) {
            node.get("records").problem("is not part of an identity plan alone (its evaluation reads its own files)");
        }
        Set<String> seen = new HashSet<>();
        for (SpecNode item : node.get("records").items()) {
            recordSource(item, fields).ifPresent(r -> {
                if (!seen.add(r.source())) {
                    item.get("source").problem("source '" + r.source() + "' is listed twice");
                }
                records.add(r);
            });
        }
        long maxIdentifier = positive(node.get("max_records_per_identifier"),
                ResolutionPlan.DEFAULT_MAX_RECORDS_PER_IDENTIFIER, 2);
        List<List<String>> deterministic = rules(node.get("deterministic"), fields, false);
        List<List<String>> blocking = rules(node.get("blocking"), fields, true);
        long maxBlock = positive(node.get("max_block_size"), ResolutionPlan.DEFAULT_MAX_BLOCK_SIZE, 2);
        List<ComparisonSpec> comparisons = comparisons(node.get("comparisons"), fields);
        double threshold = threshold(node.get("threshold"));
        long maxCluster = positive(node.get("max_cluster_size"), 50, 2);
        List<SurvivorshipSpec> survivorship = survivorship(node.get("survivorship"), fields);
        Optional<OrdersSpec> orders = orders(node.get("orders"));
        orders.ifPresent(o -> {
            if (!o.source().isEmpty() && records.stream().noneMatch(r -> r.source().equals(o.source()))) {
                node.get("orders").get("source").problem("'" + o.source() + "' must also be listed under"
                        + " identity.records, so its orders belong to customers");
            }
        });
        List<String> compared = comparisons.stream().map(ComparisonSpec::field).toList();
        List<String> conflicts = node.get("conflicts").strings();
        for (String field : conflicts) {
            if (!compared.contains(field)) {
                node.get("conflicts").problem("'" + field + "' is not compared (comparisons: "
                        + String.join(", ", compared) + ")");
            }
        }
        List<List<String>> training = rules(node.get("training"), fields, false);
        List<String> frequencyAdjusted = node.get("frequency_adjusted").strings();
        for (String field : frequencyAdjusted) {
            if (!compared.contains(field)) {
                node.get("frequency_adjusted").problem("'" + field + "' is not compared (comparisons: "
                        + String.join(", ", compared) + ")");
            }
        }
        Optional<UniqueNames> uniqueNames = Optional.empty();
        SpecNode unique = node.get("unique_names");
        if (unique.expectObject()) {
            unique.allowOnly(Set.of("names", "when_one_lacks_all", "apart_when_different", "apart_when_regular_different",
                    "max_customers", "typos"));
            long maxCustomers = positive(unique.get("max_customers"), UniqueNames.DEFAULT_MAX_CUSTOMERS, 2);
            if (maxCustomers > UniqueNames.MOST_CUSTOMERS) {
                unique.get("max_customers").problem("must be at most " + UniqueNames.MOST_CUSTOMERS
                        + " (a name held by more customers says little), not " + maxCustomers);
            }
            boolean typos = unique.get("typos").bool(false);
            List<String> names = unique.get("names").strings();
            List<String> evidence = unique.get("when_one_lacks_all").strings();
            List<String> apart = unique.get("apart_when_different").strings();
            boolean valid = maxCustomers >= 2 && maxCustomers <= UniqueNames.MOST_CUSTOMERS;
            for (String field : apart) {
                valid &= checkField(unique.get("apart_when_different"), field, fields);
                if (names.contains(field)) {
                    unique.get("apart_when_different").problem("'" + field + "' is a name field");
                    valid = false;
                }
            }
            List<String> apartRegular = unique.get("apart_when_regular_different").strings();
            for (String field : apartRegular) {
                valid &= checkField(unique.get("apart_when_regular_different"), field, fields);
                if (names.contains(field)) {
                    unique.get("apart_when_regular_different").problem("'" + field + "' is a name field");
                    valid = false;
                }
                if (apart.contains(field)) {
                    unique.get("apart_when_regular_different").problem("'" + field
                            + "' is in apart_when_different too: keep it in one of the two lists");
                    valid = false;
                }
            }
            if (names.size() < 2) {
                unique.get("names").problem("a full name needs at least two fields, like [given, family]");
                valid = false;
            }
            for (String field : names) {
                valid &= checkField(unique.get("names"), field, fields);
            }
            for (String field : evidence) {
                valid &= checkField(unique.get("when_one_lacks_all"), field, fields);
            }
            if (valid) {
                uniqueNames = Optional.of(new UniqueNames(names, evidence, apart, apartRegular, (int) maxCustomers,
                        typos));
            }
        }
        Optional<NamesFromEmail> namesFromEmail = Optional.empty();
        SpecNode fromEmail = node.get("names_from_email");
        if (fromEmail.expectObject()) {
            fromEmail.allowOnly(Set.of("email", "given", "family"));
            String email = fromEmail.get("email").requiredText();
            String given = fromEmail.get("given").requiredText();
            String family = fromEmail.get("family").requiredText();
            if (!email.isEmpty() && !given.isEmpty() && !family.isEmpty()) {
                checkFieldType(fromEmail.get("email"), email, fields, FieldType.EMAIL);
                checkFieldType(fromEmail.get("given"), given, fields, FieldType.GIVEN_NAME, FieldType.NAME);
                checkFieldType(fromEmail.get("family"), family, fields, FieldType.NAME, FieldType.GIVEN_NAME);
                namesFromEmail = Optional.of(new NamesFromEmail(email, given, family));
            }
        }
        return Optional.of(new IdentitySpec(entity, records, parsed, maxIdentifier, deterministic, blocking, maxBlock,
                comparisons, threshold, maxCluster, survivorship, orders, conflicts, training, frequencyAdjusted,
                uniqueNames, namesFromEmail));
    }

    private static Map<String, Field> fields(SpecNode fieldsNode) {
        Map<String, Field> fields = new LinkedHashMap<>();
        if (fieldsNode.isMissing()) {
            fieldsNode.problem("is required: the standard fields (name: {type: email|phone|given_name|name|address|"
                    + "postcode|date|id|text})");
            return fields;
        }
        if (!fieldsNode.expectObject()) {
            return fields;
        }
        for (String name : fieldsNode.fieldNames()) {
            SpecNode f = fieldsNode.get(name);
            if (!SpecLoader.NAME.matcher(name).matches()) {
                f.problem("'" + name + "' is not a valid field name");
            }
            if (!f.requireObject("a field is a mapping with type: and optionally identifier: and pii:")) {
                continue;
            }
            f.allowOnly(Set.of("type", "identifier", "pii"));
            FieldType type = choice(f.get("type"), FieldType.class, null);
            if (type == null) {
                continue;
            }
            boolean identifier = f.get("identifier").bool(type == FieldType.EMAIL || type == FieldType.PHONE
                    || type == FieldType.ID);
            Protection pii = choice(f.get("pii"), Protection.class, defaultProtection(type));
            if (pii != null) {
                fields.put(name, new Field(name, type, identifier, pii));
            }
        }
        return fields;
    }

    /** Identifiers are hashed, names, addresses and dates masked; a postcode is kept for analysis. */
    static Protection defaultProtection(FieldType type) {
        return switch (type) {
            case EMAIL, PHONE, ID -> Protection.HASH;
            case POSTCODE -> Protection.KEEP;
            case GIVEN_NAME, NAME, ADDRESS, DATE, TEXT -> Protection.MASK;
        };
    }

    private Optional<RecordSource> recordSource(SpecNode item, Map<String, Field> fields) {
        if (!item.requireObject("a record source is a mapping with source:, key:, seen_at: and columns:")) {
            return Optional.empty();
        }
        item.allowOnly(Set.of("source", "key", "seen_at", "columns"));
        String source = item.get("source").requiredText();
        String key = item.get("key").requiredText();
        String seenAt = item.get("seen_at").requiredText();
        SourceSpec spec = sources.get(source);
        if (!source.isEmpty() && spec == null) {
            item.get("source").problem("'" + source + "' is not a source of this pipeline"
                    + (sources.isEmpty() ? "" : " (it has: " + String.join(", ", sources.keySet()) + ")"));
        }
        Set<String> columns = new HashSet<>();
        if (spec != null) {
            spec.clean().fields().forEach(f -> columns.add(f.name()));
            checkColumn(item.get("key"), key, source, columns);
            checkColumn(item.get("seen_at"), seenAt, source, columns);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        SpecNode columnsNode = item.get("columns");
        if (columnsNode.isMissing()) {
            columnsNode.problem("is required: standard field to this source's column");
        } else if (columnsNode.expectObject()) {
            for (String field : columnsNode.fieldNames()) {
                String column = columnsNode.get(field).requiredText();
                if (!fields.isEmpty() && !fields.containsKey(field)) {
                    columnsNode.get(field).problem("'" + field + "' is not declared under identity.fields (it has: "
                            + String.join(", ", fields.keySet()) + ")");
                }
                if (spec != null) {
                    checkColumn(columnsNode.get(field), column, source, columns);
                }
                mapping.put(field, column);
            }
        }
        return Optional.of(new RecordSource(source, key, seenAt, mapping));
    }

    private static void checkColumn(SpecNode where, String column, String source, Set<String> columns) {
        if (!column.isEmpty() && !columns.contains(column)) {
            where.problem("'" + column + "' is not a column of source " + source + " (it has: "
                    + String.join(", ", columns.stream().sorted().toList()) + ")");
        }
    }

    private static List<List<String>> rules(SpecNode rulesNode, Map<String, Field> fields, boolean required) {
        List<List<String>> rules = new ArrayList<>();
        if (rulesNode.isMissing()) {
            if (required) {
                rulesNode.problem("is required: at least one rule, a list of fields that must be equal");
            }
            return rules;
        }
        for (SpecNode rule : rulesNode.items()) {
            List<String> columns = rule.strings();
            if (columns.isEmpty()) {
                rule.problem("a rule names at least one field");
            }
            for (String c : columns) {
                checkField(rule, c, fields);
            }
            rules.add(columns);
        }
        if (required && rules.isEmpty() && rulesNode.isList()) {
            rulesNode.problem("give at least one rule");
        }
        return rules;
    }

    private static List<ComparisonSpec> comparisons(SpecNode list, Map<String, Field> fields) {
        List<ComparisonSpec> out = new ArrayList<>();
        if (list.isMissing()) {
            list.problem("is required: the fields the probabilistic model compares ({field: f, kind: k})");
            return out;
        }
        String kinds = String.join(", ", Arrays.stream(IdentityResolver.Kind.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
        for (SpecNode item : list.items()) {
            if (!item.requireObject("a comparison is a mapping with field: and kind: (" + kinds + ")")) {
                continue;
            }
            item.allowOnly(Set.of("field", "kind", "cross"));
            Optional<String> cross = item.get("cross").text();
            cross.ifPresent(c -> checkField(item.get("cross"), c, fields));
            String field = item.get("field").requiredText();
            checkField(item.get("field"), field, fields);
            String kind = item.get("kind").requiredText();
            try {
                IdentityResolver.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                item.get("kind").problem("unknown comparison kind '" + kind + "'; use " + kinds);
            }
            if (cross.isPresent() && !kind.equalsIgnoreCase("name")) {
                item.get("cross").problem("only a name comparison compares crosswise, not " + kind);
            }
            out.add(new ComparisonSpec(field, kind.toLowerCase(Locale.ROOT), cross));
        }
        if (out.isEmpty() && list.isList()) {
            list.problem("give at least one comparison");
        }
        return out;
    }

    private static List<SurvivorshipSpec> survivorship(SpecNode map, Map<String, Field> fields) {
        List<SurvivorshipSpec> out = new ArrayList<>();
        if (!map.expectObject()) {
            return out;
        }
        for (String field : map.fieldNames()) {
            SpecNode item = map.get(field);
            checkField(item, field, fields);
            String rule;
            List<String> sources = List.of();
            if (!item.isObject()) {
                rule = item.text("");
            } else {
                item.allowOnly(Set.of("rule", "sources"));
                rule = item.get("rule").requiredText();
                sources = item.get("sources").strings();
            }
            if (!RULES.contains(rule)) {
                item.problem("unknown survivorship rule '" + rule + "'; use " + String.join(", ", RULES));
            } else if (rule.equals("source_priority") && sources.isEmpty()) {
                item.problem("source_priority needs sources: (best first)");
            }
            out.add(new SurvivorshipSpec(field, rule, sources));
        }
        return out;
    }

    private Optional<OrdersSpec> orders(SpecNode o) {
        if (!o.expectObject()) {
            return Optional.empty();
        }
        o.allowOnly(Set.of("source", "amount", "at", "channel"));
        String source = o.get("source").requiredText();
        String amount = o.get("amount").requiredText();
        String at = o.get("at").requiredText();
        Optional<String> channel = o.get("channel").text();
        SourceSpec spec = sources.get(source);
        if (!source.isEmpty() && spec == null) {
            o.get("source").problem("'" + source + "' is not a source of this pipeline");
        } else if (spec != null) {
            Set<String> columns = new HashSet<>();
            spec.clean().fields().forEach(f -> columns.add(f.name()));
            checkColumn(o.get("amount"), amount, source, columns);
            checkColumn(o.get("at"), at, source, columns);
            channel.ifPresent(c -> checkColumn(o.get("channel"), c, source, columns));
        }
        return Optional.of(new OrdersSpec(source, amount, at, channel));
    }

    /** Whether {@code field} is declared (or no field is, the fields' own mistake being reported); if not, says so. */
    private static boolean checkField(SpecNode where, String field, Map<String, Field> fields) {
        if (!fields.isEmpty() && !fields.containsKey(field)) {
            where.problem("'" + field + "' is not declared under identity.fields (it has: "
                    + String.join(", ", fields.keySet()) + ")");
            return false;
        }
        return true;
    }

    private static void checkFieldType(SpecNode where, String field, Map<String, Field> fields, FieldType... types) {
        Field declared = fields.get(field);
        if (declared == null) {
            checkField(where, field, fields);
        } else if (!List.of(types).contains(declared.type())) {
            where.problem("'" + field + "' is of type " + declared.type().name().toLowerCase(Locale.ROOT)
                    + ", not " + String.join(" or ", java.util.Arrays.stream(types)
                            .map(t -> t.name().toLowerCase(Locale.ROOT)).toList()));
        }
    }

    private static long positive(SpecNode n, long defaultValue, long minimum) {
        long value = n.integer().orElse(defaultValue);
        if (value < minimum) {
            n.problem("must be at least " + minimum + ", not " + value);
        }
        return value;
    }

    private static double threshold(SpecNode n) {
        Optional<String> text = n.text();
        if (text.isEmpty()) {
            return ResolutionPlan.DEFAULT_THRESHOLD;
        }
        try {
            double value = Double.parseDouble(text.get().trim());
            if (value > 0 && value < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        n.problem("must be a match probability between 0 and 1 (exclusive), like 0.95, not '" + text.get() + "'");
        return ResolutionPlan.DEFAULT_THRESHOLD;
    }

    private static <E extends Enum<E>> E choice(SpecNode n, Class<E> type, E defaultValue) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        Optional<String> text = n.text();
        if (text.isEmpty()) {
            if (defaultValue == null) {
                n.problem("is required: one of " + String.join(", ", names));
            }
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, text.get().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            n.problem("unknown value '" + text.get() + "'; use " + String.join(", ", names));
            return null;
        }
    }
}
