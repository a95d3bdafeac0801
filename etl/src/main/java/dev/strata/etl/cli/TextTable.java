package dev.strata.etl.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders rows as an aligned text table for the terminal. */
final class TextTable {

    private TextTable() {
    }

    static String render(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], Math.min(60, row.get(i).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            cell = cell.replace('\n', ' ');
            if (cell.length() > 60) {
                cell = cell.substring(0, 57) + "...";
            }
            out.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length())));
        }
        out.append(System.lineSeparator());
    }
}
