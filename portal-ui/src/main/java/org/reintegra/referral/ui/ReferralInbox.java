package org.reintegra.referral.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LocalDateRenderer;
import com.vaadin.flow.data.renderer.LocalDateTimeRenderer;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.reintegra.referral.ReferralService;
import org.reintegra.referral.ReferralSummary;

/**
 * The organisation's referral list: a lazy grid that fetches one page at a time from
 * {@link ReferralService} (indexed, newest change first). A click opens the referral.
 */
public class ReferralInbox extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final Grid<ReferralSummary> grid = new Grid<>(ReferralSummary.class, false);

    @Inject
    public ReferralInbox(ReferralService referrals) {
        setPadding(false);
        setSizeFull();
        H3 title = new H3(getTranslation("inbox.title"));
        grid.setId("referral-inbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ReferralSummary::reference).setHeader(getTranslation("referral.reference")).setAutoWidth(true)
                .setKey("reference");
        grid.addColumn(ReferralSummary::clientName).setHeader(getTranslation("referral.client")).setAutoWidth(true)
                .setKey("client");
        grid.addColumn(r -> getTranslation("programme." + r.programmeArea().name()))
                .setHeader(getTranslation("referral.programme")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("service." + r.serviceType().name()))
                .setHeader(getTranslation("referral.service")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("status." + r.status().name()))
                .setHeader(getTranslation("referral.status")).setAutoWidth(true).setKey("status");
        grid.addColumn(ReferralSummary::counterpartName).setHeader(getTranslation("referral.counterpart"))
                .setAutoWidth(true);
        grid.addColumn(new LocalDateTimeRenderer<>(r -> r.sentAt() == null ? null
                : LocalDateTime.ofInstant(r.sentAt(), ZoneId.systemDefault()),
                () -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())))
                .setHeader(getTranslation("referral.sent")).setAutoWidth(true);
        grid.addColumn(new LocalDateTimeRenderer<>(r -> LocalDateTime.ofInstant(r.statusChangedAt(), ZoneId.systemDefault()),
                () -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())))
                .setHeader(getTranslation("referral.changed")).setAutoWidth(true);
        grid.addColumn(new LocalDateRenderer<>(ReferralSummary::completionDeadline,
                () -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())))
                .setHeader(getTranslation("referral.deadline")).setAutoWidth(true);
        grid.setItems(query -> referrals.inboxPage(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(referrals.countInbox()));
        grid.addItemClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate(ReferralView.class, click.getItem().id())));
        add(title, grid);
        setFlexGrow(1, grid);
    }
}
