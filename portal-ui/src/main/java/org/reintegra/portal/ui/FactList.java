package org.reintegra.portal.ui;

/**
 * Labelled facts shown as one description list ({@code <dl>}): a label above each value, in as
 * many columns as the width allows. It is one element of Vaadin's state tree however many facts it
 * holds (a form layout keeps three per fact on the server, in every open session), so a page of
 * read-only facts costs the server little memory and little to send.
 */
public final class FactList {

    private static final String LIST_STYLE = "display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,18em),1fr));"
            + "gap:var(--lumo-space-s) var(--lumo-space-l);margin:0;width:100%";
    private static final String LABEL_STYLE = "font-size:var(--lumo-font-size-s);color:var(--lumo-secondary-text-color)";
    private static final String VALUE_STYLE = "margin:0;white-space:pre-wrap;overflow-wrap:anywhere";

    private final StringBuilder facts = new StringBuilder();

    /** Adds a fact; a missing or blank value shows as a dash. */
    public FactList add(String label, String value) {
        facts.append("<div><dt style=\"").append(LABEL_STYLE).append("\">").append(HtmlText.escaped(label)).append("</dt>")
                .append("<dd style=\"").append(VALUE_STYLE).append("\">")
                .append(HtmlText.escaped(value == null || value.isBlank() ? "—" : value)).append("</dd></div>");
        return this;
    }

    /** The list as one component with the given id. */
    public EscapedMarkup build(String id) {
        EscapedMarkup list = new EscapedMarkup("dl", LIST_STYLE, facts.toString());
        list.setId(id);
        return list;
    }
}
