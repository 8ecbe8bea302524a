package org.reintegra.persistence;

import java.util.Locale;
import java.util.Map;

/**
 * How people's names sort for a reader: PostgreSQL's ICU collation of the reader's language, so
 * that Kazakh and Kyrgyz letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) fall where those alphabets put them,
 * Georgian follows the Georgian alphabet and Latin names sort as in English; any other language
 * gets the root collation (scripts in Unicode order, letters by the root rules). Only these fixed
 * names ever reach SQL.
 */
public final class NameCollation {

    private static final Map<String, String> BY_LANGUAGE = Map.of(
            "en", "en-x-icu", "ka", "ka-x-icu", "ru", "ru-x-icu", "ky", "ky-x-icu", "kk", "kk-x-icu");
    private static final String ROOT = "und-x-icu";

    private NameCollation() {
    }

    /** The collation's name, e.g. {@code kk-x-icu}. */
    public static String of(Locale reader) {
        return reader == null ? ROOT : BY_LANGUAGE.getOrDefault(reader.getLanguage(), ROOT);
    }

    /** A JPQL (EclipseLink) ordering expression for a name path in the reader's collation. */
    public static String orderBy(String path, Locale reader) {
        return "SQL('? COLLATE \"" + of(reader) + "\"', " + path + ")";
    }
}
