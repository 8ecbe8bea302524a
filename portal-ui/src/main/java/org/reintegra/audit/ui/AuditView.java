package org.reintegra.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.audit.AuditCount;
import org.reintegra.audit.AuditEntry;
import org.reintegra.audit.AuditQuery;
import org.reintegra.audit.AuditViewer;
import org.reintegra.portal.ui.MainLayout;

/**
 * The audit trail: for a partner's admin their organisation's, for an agency's liaison officer
 * their agency's and what partners did with the agency's referrals. Newest first, a page at a time,
 * filtered by period, user and client.
 */
@Route(value = "audit", layout = MainLayout.class)
@RolesAllowed({Roles.AGENCY_LIAISON, Roles.PARTNER_ADMIN})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient AuditViewer viewer;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField actor = new TextField();
    private final TextField client = new TextField();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span count = new Span();

    @Inject
    public AuditView(AuditViewer viewer) {
        this.viewer = viewer;
        setSizeFull();
        H2 heading = new H2(getTranslation("audit.title"));
        heading.setId("audit-heading");
        add(heading);
        AuditQuery initial = AuditQuery.lastWeek(LocalDate.now());
        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        from.setValue(initial.from());
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        to.setValue(initial.to());
        actor.setId("audit-actor");
        actor.setLabel(getTranslation("audit.user"));
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        client.setId("audit-client");
        client.setLabel(getTranslation("audit.client"));
        client.setClearButtonVisible(true);
        client.setValueChangeMode(ValueChangeMode.LAZY);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        client.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(from, to, actor, client);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        count.setId("audit-count");

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("audit-grid");
        grid.addColumn(e -> when.format(e.occurredAt())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.user")).setAutoWidth(true);
        grid.addColumn(AuditEntry::organisationName).setHeader(getTranslation("audit.organisation")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.action." + e.action().name())).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.referralReference() == null ? "" : e.referralReference())
                .setHeader(getTranslation("referral.reference")).setAutoWidth(true);
        grid.addColumn(e -> e.clientName() == null ? "" : e.clientName()).setHeader(getTranslation("referral.client"))
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::fields).setHeader(getTranslation("audit.fields")).setFlexGrow(1);
        grid.addColumn(AuditEntry::purpose).setHeader(getTranslation("audit.purpose")).setAutoWidth(true);
        add(filters, count, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        from.setInvalid(false);
        to.setInvalid(false);
        AuditQuery query = new AuditQuery(from.getValue(), to.getValue(), actor.getValue(), client.getValue());
        AuditCount total;
        try {
            total = viewer.count(query);
        } catch (InputRejected rejected) {
            DatePicker field = "to".equals(rejected.field()) ? to : from;
            field.setErrorMessage(getTranslation(rejected.messageKey()));
            field.setInvalid(true);
            return;
        }
        count.setText(getTranslation(total.moreThanShown() ? "audit.count-more" : "audit.count", total.entries()));
        grid.setItems(q -> viewer.page(query, q.getOffset(), q.getLimit()).stream());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
