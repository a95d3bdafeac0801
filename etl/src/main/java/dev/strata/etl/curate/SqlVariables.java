package dev.strata.etl.curate;

import dev.strata.etl.UserError;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a pipeline's declared variables into its SQL: {@code ${name}} becomes the variable's value. A
 * value must be a plain token (letters, digits, '.', '_', '-'), so a variable can switch a flag or name
 * a number but can never inject SQL.
 */
final class SqlVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]+");

    private SqlVariables() {
    }

    static String bind(String text, Map<String, String> variables, String step) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = variables.get(name);
            if (value == null) {
                throw new UserError("curated step " + step + " uses ${" + name
                        + "}, which the pipeline does not declare under variables:");
            }
            if (!TOKEN.matcher(value).matches()) {
                throw new UserError("variable " + name + " = '" + value + "' cannot be used in SQL (step " + step
                        + "): give a plain value such as true, false or a number");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
