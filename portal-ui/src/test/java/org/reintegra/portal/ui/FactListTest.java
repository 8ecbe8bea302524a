package org.reintegra.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Facts and read-only tables are shown as text, never as markup, in one element each. */
class FactListTest {

    @Test
    void factsAreOneDescriptionListWithEveryValueShownAsText() {
        EscapedMarkup facts = new FactList()
                .add("Client", "Levan <b>Tsiklauri</b>")
                .add("Reason", "Line one\nline \"two\" & 'three'")
                .add("Health notes", " ")
                .add("Caseworker", null)
                .build("referral-facts");

        assertEquals("dl", facts.getElement().getTag());
        assertEquals("grid", facts.getElement().getStyle().get("display"), "the list's own style");
        assertEquals("repeat(auto-fill,minmax(min(100%,18em),1fr))",
                facts.getElement().getStyle().get("grid-template-columns"));
        assertEquals("referral-facts", facts.getId().orElseThrow());
        String html = facts.getInnerHtml();
        assertTrue(html.contains("Levan &lt;b&gt;Tsiklauri&lt;/b&gt;"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("line &quot;two&quot; &amp; &#39;three&#39;") || html.contains("line \"two\" &amp; 'three'"),
                html);
        assertEquals(2, html.split("<dd[^>]*>—</dd>", -1).length - 1, "a blank and a missing value show as a dash");
        assertEquals(4, html.split("<dt", -1).length - 1);
    }

    @Test
    void aReadOnlyTableIsOneTableWithEveryCellShownAsText() {
        record Change(String when, String why) {
        }
        EscapedMarkup table = new ReadOnlyTable<Change>()
                .column("When", Change::when)
                .column("Why", Change::why)
                .build("referral-history", java.util.List.of(new Change("1 May", "<script>alert(1)</script>"),
                        new Change("2 May", null)));

        assertEquals("table", table.getElement().getTag());
        assertEquals("referral-history", table.getId().orElseThrow());
        String html = table.getInnerHtml();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertEquals(2, html.split("<th ", -1).length - 1);
        assertEquals(3, html.split("<tr", -1).length - 1, "the header's row and two rows");
    }

    @Test
    void textInALitTemplateCannotEndTheTemplateOrOpenAnExpression() {
        assertEquals("Record &#96;now&#96; &#36;{x} &#92; &lt;b&gt;", HtmlText.inLitTemplate("Record `now` ${x} \\ <b>"));
        assertEquals("a &amp; b", HtmlText.escaped("a & b"));
    }
}
