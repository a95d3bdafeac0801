package dev.strata.etl.curate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * The tables a SQL statement names, read from Spark's parse of it: a name in a comment or a string literal is
 * not a table, and the names of the statement's own common table expressions are left out. Parsing needs no
 * catalog and starts no job.
 */
public final class SqlTables {

    /** What a statement reads: qualified names ({@code zone.table}, lower case) and names it could not place. */
    public record Reads(Set<String> qualified, Set<String> other) {

        /** Whether every relation is a {@code zone.table} name of one of these zones. */
        public boolean onlyIn(Set<String> zones) {
            return other.isEmpty() && qualified.stream().allMatch(t -> zones.contains(t.substring(0, t.indexOf('.'))));
        }
    }

    private final SparkSession spark;

    public SqlTables(SparkSession spark) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
    }

    /**
     * The relations of one statement. A statement Spark cannot parse gives an exception carrying Spark's
     * message: the step that runs it reports it.
     */
    public Reads of(String statement) {
        LogicalPlan plan;
        try {
            plan = spark.sessionState().sqlParser().parsePlan(statement);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Spark's ParseException is a checked exception to Java, thrown from Scala without a declaration
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Set<String> ctes = new HashSet<>();
        List<List<String>> relations = new ArrayList<>();
        collect(plan, ctes, relations);
        Set<String> qualified = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (List<String> name : relations) {
            if (name.size() == 2 && name.get(0).matches("[a-z_][a-z0-9_]*") && name.get(1).matches("[a-z_][a-z0-9_]*")) {
                qualified.add(name.get(0) + "." + name.get(1));
            } else if (!(name.size() == 1 && ctes.contains(name.get(0)))) {
                other.add(String.join(".", name));
            }
        }
        return new Reads(Set.copyOf(qualified), Set.copyOf(other));
    }

    private static void collect(LogicalPlan plan, Set<String> ctes, List<List<String>> relations) {
        if (plan instanceof UnresolvedRelation relation) {
            relations.add(JavaConverters.seqAsJavaList(relation.multipartIdentifier()).stream()
                    .map(part -> part.toLowerCase(Locale.ROOT)).toList());
        }
        if (plan instanceof UnresolvedWith with) {
            for (Tuple2<String, ?> cte : JavaConverters.seqAsJavaList(with.cteRelations())) {
                ctes.add(cte._1().toLowerCase(Locale.ROOT));
            }
        }
        for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
            collect(child, ctes, relations);
        }
        for (Object inner : JavaConverters.seqAsJavaList(plan.innerChildren())) {
            if (inner instanceof LogicalPlan p) {
                collect(p, ctes, relations);
            }
        }
        for (LogicalPlan subquery : JavaConverters.seqAsJavaList(plan.subqueries())) {
            collect(subquery, ctes, relations);
        }
    }
}
