package org.reintegra.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NameCollationTest {

    @Test
    void eachPortalLanguageSortsNamesWithItsOwnIcuCollation() {
        assertEquals("kk-x-icu", NameCollation.of(Locale.forLanguageTag("kk")));
        assertEquals("ky-x-icu", NameCollation.of(Locale.forLanguageTag("ky-KG")));
        assertEquals("ka-x-icu", NameCollation.of(Locale.forLanguageTag("ka")));
        assertEquals("ru-x-icu", NameCollation.of(Locale.forLanguageTag("ru")));
        assertEquals("en-x-icu", NameCollation.of(Locale.UK));
        assertEquals("und-x-icu", NameCollation.of(Locale.FRENCH), "anything else: the root collation");
        assertEquals("und-x-icu", NameCollation.of(null));
        assertEquals("SQL('? COLLATE \"kk-x-icu\"', c.familyName)",
                NameCollation.orderBy("c.familyName", Locale.forLanguageTag("kk")));
    }
}
