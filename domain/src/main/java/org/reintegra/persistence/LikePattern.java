package org.reintegra.persistence;

import java.util.Locale;

/** LIKE patterns for "contains" searches over lower-case search keys (escape character: backslash). */
public final class LikePattern {

    private LikePattern() {
    }

    /** Lower-cases the text (Java's Unicode case mapping) and escapes LIKE's wildcards. */
    public static String containing(String text) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
