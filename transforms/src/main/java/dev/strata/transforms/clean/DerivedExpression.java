package dev.strata.transforms.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.LambdaFunction;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.expressions.UnresolvedNamedLambdaVariable;
import org.apache.spark.sql.catalyst.expressions.WindowExpression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;

/**
 * What a derived column's expression refers to, read by Spark's own SQL parser without a session: the
 * columns it names and the functions it calls, each with whether it is the function of a window
 * ({@code f(...) over (...)}). The spec loader checks them before anything runs.
 */
public final class DerivedExpression {

    /** What a built-in function is, for the checks a derived column needs. */
    public enum FunctionKind {
        /** not a built-in function of Spark SQL */
        UNKNOWN,
        /** a row-by-row function */
        SCALAR,
        /** an aggregate (sum, max, count, ...): in a derived column only as a window function */
        AGGREGATE,
        /** a window function (lag, lead, row_number, ...): only with over (...) */
        WINDOW
    }

    /** One call of a function; {@code windowed} when it is the function of a window expression. */
    public record FunctionCall(String name, boolean windowed) {
        public FunctionCall {
            Objects.requireNonNull(name, "name is null");
        }
    }

    private final Set<String> columns;
    private final List<FunctionCall> functions;

    private DerivedExpression(Set<String> columns, List<FunctionCall> functions) {
        this.columns = Set.copyOf(columns);
        this.functions = List.copyOf(functions);
    }

    /**
     * Parses a Spark SQL expression.
     *
     * @throws IllegalArgumentException with the parser's first line when it is not a valid expression
     */
    public static DerivedExpression parse(String expression) {
        Objects.requireNonNull(expression, "expression is null");
        Expression parsed;
        try {
            parsed = CatalystSqlParser$.MODULE$.parseExpression(expression);
        } catch (Exception e) {
            // ParseException is a checked exception Java does not see declared
            if (!e.getClass().getName().contains("ParseException")) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            // "[PARSE_SYNTAX_ERROR] Syntax error at or near '('.(line 1, pos 13)" reads better without its class
            String first = message.strip().split("\n")[0].replaceFirst("^\\[[A-Z_]+] ", "")
                    .replace(".(line ", " (line ");
            throw new IllegalArgumentException(first, e);
        }
        Set<String> columns = new LinkedHashSet<>();
        List<FunctionCall> functions = new ArrayList<>();
        walk(parsed, false, Set.of(), columns, functions);
        return new DerivedExpression(columns, functions);
    }

    /**
     * @param bound the variables of the lambda functions around {@code node}: the parser reads every name in a
     *     lambda's body as a lambda variable, and those that no enclosing lambda binds are columns
     */
    private static void walk(Expression node, boolean windowFunction, Set<String> bound, Set<String> columns,
            List<FunctionCall> functions) {
        if (node instanceof UnresolvedAttribute attribute) {
            // a.b is column a's field b: the column is the first part
            columns.add(DerivedColumns.asList(attribute.nameParts()).get(0));
        }
        if (node instanceof UnresolvedNamedLambdaVariable variable) {
            String name = DerivedColumns.asList(variable.nameParts()).get(0);
            if (!bound.contains(name)) {
                columns.add(name);
            }
        }
        Set<String> inside = bound;
        if (node instanceof LambdaFunction lambda) {
            inside = new java.util.HashSet<>(bound);
            for (NamedExpression argument : DerivedColumns.asList(lambda.arguments())) {
                inside.add(argument instanceof UnresolvedNamedLambdaVariable v
                        ? DerivedColumns.asList(v.nameParts()).get(0) : argument.name());
            }
        }
        if (node instanceof UnresolvedFunction function) {
            functions.add(new FunctionCall(String.join(".", DerivedColumns.asList(function.nameParts()))
                    .toLowerCase(Locale.ROOT), windowFunction));
        }
        for (Expression child : DerivedColumns.asList(node.children())) {
            boolean isFunctionOfWindow = node instanceof WindowExpression window && child == window.windowFunction();
            walk(child, isFunctionOfWindow, inside, columns, functions);
        }
    }

    /** The columns the expression names. */
    public Set<String> columns() {
        return columns;
    }

    public List<FunctionCall> functions() {
        return functions;
    }

    /** What the built-in function {@code name} is. */
    public static FunctionKind kind(String name) {
        if (DerivedFunctions.isDerivedFunction(name)) {
            return FunctionKind.SCALAR;
        }
        scala.Option<ExpressionInfo> info = FunctionRegistry.builtin()
                .lookupFunction(FunctionIdentifier.apply(name.toLowerCase(Locale.ROOT)));
        if (info.isEmpty()) {
            return FunctionKind.UNKNOWN;
        }
        String group = info.get().getGroup();
        if ("agg_funcs".equals(group)) {
            return FunctionKind.AGGREGATE;
        }
        if ("window_funcs".equals(group)) {
            return FunctionKind.WINDOW;
        }
        return FunctionKind.SCALAR;
    }

    /** Every built-in function name, for suggestions. */
    public static Set<String> builtinFunctions() {
        Set<String> names = new LinkedHashSet<>(DerivedFunctions.NAMES);
        for (FunctionIdentifier f : DerivedColumns.asList(FunctionRegistry.functionSet().toSeq())) {
            names.add(f.funcName());
        }
        return names;
    }
}
