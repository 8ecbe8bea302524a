package org.reintegra.portal.ui;

/** Text put into markup the server writes, so that it shows literally and never acts as markup. */
public final class HtmlText {

    private HtmlText() {
    }

    /** Text for HTML content or a quoted attribute value. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text for a Lit renderer's template, which the browser reads as a JavaScript template literal:
     * the template's own characters ({@code `}, {@code $}, {@code \}) escaped as well.
     */
    public static String inLitTemplate(String text) {
        return escaped(text).replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;");
    }
}
