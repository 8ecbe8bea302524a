package org.reintegra.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;

/**
 * One element whose content is markup the portal built itself from escaped text ({@link HtmlText}):
 * the element of {@link FactList} and {@link ReadOnlyTable}. It is what Vaadin's {@code Html} sends
 * to the browser (an element with its {@code innerHTML}), without parsing the markup on the server:
 * {@code Html} parses it with jsoup and writes it out again, which took 8% of the portal's processor
 * time at 500 users, on every referral opened (docs/benchmarks.md, stop 24).
 */
public final class EscapedMarkup extends Component {

    private static final long serialVersionUID = 1L;

    EscapedMarkup(String tag, String style, String escapedContent) {
        super(new Element(tag));
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                // the portal's own constant styles: no ';' inside a value. Set one by one, so that
                // Vaadin does not run its CSS parser over the attribute for every element built
                getElement().getStyle().set(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
            }
        }
        getElement().setProperty("innerHTML", escapedContent);
    }

    /** The content as sent to the browser. */
    public String getInnerHtml() {
        return getElement().getProperty("innerHTML");
    }
}
