package org.reintegra.portal.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.portal.security.SignedInUser;

/** The frame of every screen: product name, who is signed in for which organisation, sign out. */
@PermitAll
public class MainLayout extends AppLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    public MainLayout(SignedInUser user) {
        H1 title = new H1(getTranslation("app.name"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Anchor home = new Anchor("", title);

        String organisation = user.organisation().map(OrganisationSummary::name)
                .orElse(getTranslation("home.no-organisation"));
        Span who = new Span(getTranslation("layout.signed-in-as", user.displayName(), organisation));
        who.setId("signed-in-as");

        Button signOut = new Button(getTranslation("layout.sign-out"),
                click -> UI.getCurrent().getPage().setLocation("signout"));
        signOut.setId("sign-out");

        HorizontalLayout header = new HorizontalLayout(home, who, signOut);
        header.setWidthFull();
        header.setPadding(true);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(who);
        who.getStyle().set("text-align", "end");
        addToNavbar(header);
    }
}
