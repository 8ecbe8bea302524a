package org.reintegra.portal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.reintegra.portal.security.SignedInUser;
import org.reintegra.referral.ui.ReferralInbox;

/** Where everyone lands after signing in: who they are, for which organisation, and its referrals. */
@PermitAll
@Route(value = "", layout = MainLayout.class)
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    @Inject
    public HomeView(SignedInUser user, Instance<ReferralInbox> inboxes) {
        setSizeFull();
        H2 greeting = new H2(getTranslation("home.welcome", user.displayName()));
        greeting.setId("welcome");
        add(greeting);
        user.organisation().ifPresentOrElse(organisation -> {
            Paragraph who = new Paragraph(getTranslation("home.organisation", organisation.name(),
                    getTranslation("organisation.kind." + organisation.kind().name())));
            who.setId("organisation");
            add(who);
            if (user.worksWithReferrals()) {
                ReferralInbox inbox = inboxes.get();
                add(inbox);
                setFlexGrow(1, inbox);
            }
        }, () -> {
            Paragraph none = new Paragraph(getTranslation("home.no-organisation"));
            none.setId("organisation");
            add(none);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }

}
