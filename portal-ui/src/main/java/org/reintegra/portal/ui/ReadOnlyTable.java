package org.reintegra.portal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A short read-only list shown as one HTML table (a history, a changelog): one element of Vaadin's
 * state tree for the whole table, where a grid keeps a component per column and its data on the
 * server for every open session (ADR 0014). Every header and cell is escaped as text. For lists
 * that can grow without bound, or rows with actions, use a lazy grid.
 *
 * @param <T> the row type
 */
public final class ReadOnlyTable<T> {

    private static final String TABLE_STYLE = "width:100%;border-collapse:collapse;font-size:var(--lumo-font-size-s)";
    private static final String HEADER_STYLE = "text-align:start;font-weight:500;color:var(--lumo-secondary-text-color);"
            + "padding:var(--lumo-space-xs) var(--lumo-space-s);border-bottom:1px solid var(--lumo-contrast-20pct)";
    private static final String CELL_STYLE = "padding:var(--lumo-space-xs) var(--lumo-space-s);vertical-align:top;"
            + "white-space:pre-wrap;overflow-wrap:anywhere;border-bottom:1px solid var(--lumo-contrast-10pct)";

    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, String>> values = new ArrayList<>();

    /** Adds a column; a missing value shows as an empty cell. */
    public ReadOnlyTable<T> column(String header, Function<T, String> value) {
        headers.add(header);
        values.add(value);
        return this;
    }

    /** The table of these rows as one component with the given id. */
    public EscapedMarkup build(String id, List<T> rows) {
        StringBuilder html = new StringBuilder("<thead><tr>");
        for (String header : headers) {
            html.append("<th scope=\"col\" style=\"").append(HEADER_STYLE).append("\">").append(HtmlText.escaped(header))
                    .append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (T row : rows) {
            html.append("<tr>");
            for (Function<T, String> value : values) {
                String text = value.apply(row);
                html.append("<td style=\"").append(CELL_STYLE).append("\">")
                        .append(text == null ? "" : HtmlText.escaped(text)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody>");
        EscapedMarkup table = new EscapedMarkup("table", TABLE_STYLE, html.toString());
        table.setId(id);
        return table;
    }
}
