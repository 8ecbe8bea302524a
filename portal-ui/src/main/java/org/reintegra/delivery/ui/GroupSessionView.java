package org.reintegra.delivery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.delivery.AbsenceReason;
import org.reintegra.delivery.Attendance;
import org.reintegra.delivery.ClientAttendance;
import org.reintegra.delivery.DeliveryService;
import org.reintegra.delivery.GroupCandidate;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ServiceType;

/**
 * One screen for a whole group session: when, what, which clients (the partner's open referrals),
 * and per client attendance, absence reason, concern and a short note. Everything is keyboard
 * reachable in reading order; saving stores one record per client on their own referral, all or
 * nothing.
 */
@Route(value = "sessions/group", layout = MainLayout.class)
@RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class GroupSessionView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient DeliveryService delivery;
    private final DatePicker date = SessionForm.date(this::getTranslation, "group-date");
    private final TimePicker time = SessionForm.time(this::getTranslation, "group-time");
    private final IntegerField duration = SessionForm.duration(this::getTranslation, "group-duration");
    private final Select<ServiceType> service = new Select<>();
    private final MultiSelectComboBox<GroupCandidate> clients = new MultiSelectComboBox<>();
    private final VerticalLayout rows = new VerticalLayout();
    private final Map<Long, ClientRow> rowsByReferral = new LinkedHashMap<>();

    @Inject
    public GroupSessionView(DeliveryService delivery) {
        this.delivery = delivery;
        setMaxWidth("70em");
        H2 heading = new H2(getTranslation("group.title"));
        heading.setId("group-session-heading");
        service.setId("group-service");
        service.setLabel(getTranslation("referral.service"));
        service.setItems(ServiceType.values());
        service.setItemLabelGenerator(s -> s == null ? "" : getTranslation("service." + s.name()));
        service.setValue(ServiceType.PROSOCIAL_PROGRAMME);
        clients.setId("group-clients");
        clients.setLabel(getTranslation("group.clients"));
        clients.setWidthFull();
        clients.setItemLabelGenerator(c -> c.clientName() + " (" + c.reference() + ")");
        clients.setItems(query -> {
            String filter = query.getFilter().orElse("");
            int upTo = Math.min(200, query.getOffset() + query.getLimit());
            return delivery.groupCandidates(filter, upTo, getLocale()).stream().skip(query.getOffset()).limit(query.getLimit());
        });
        clients.addValueChangeListener(e -> showRows());
        rows.setId("group-rows");
        rows.setPadding(false);
        Button save = new Button(getTranslation("group.save"), click -> save());
        save.setId("group-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(heading, new FormLayout(date, time, duration, service), clients, rows, save);
    }

    /** One row per chosen client, keeping what was already entered for those still chosen. */
    private void showRows() {
        Map<Long, ClientRow> kept = new LinkedHashMap<>();
        for (GroupCandidate candidate : clients.getValue()) {
            kept.put(candidate.referralId(), rowsByReferral.getOrDefault(candidate.referralId(), new ClientRow(candidate)));
        }
        rowsByReferral.clear();
        rowsByReferral.putAll(kept);
        rows.removeAll();
        kept.values().forEach(rows::add);
    }

    private void save() {
        if (rowsByReferral.isEmpty()) {
            clients.setErrorMessage(getTranslation("session.group.empty"));
            clients.setInvalid(true);
            return;
        }
        List<ClientAttendance> attendance = new ArrayList<>();
        rowsByReferral.values().forEach(row -> attendance.add(row.attendance()));
        try {
            int recorded = delivery.recordGroupSession(SessionForm.plan(date, time, duration, service.getValue()),
                    attendance).size();
            Notices.success(getTranslation("group.saved", recorded));
            clients.clear();
        } catch (ReferralNotFound gone) {
            Notices.error(getTranslation("session.referral-not-open"));
        } catch (InputRejected refused) {
            Map<String, com.vaadin.flow.component.Component> fields = Map.of("date", date, "duration", duration,
                    "serviceType", service, "clients", clients);
            com.vaadin.flow.component.Component field = fields.get(refused.field());
            if (field != null) {
                SessionForm.mark(field, getTranslation(refused.messageKey()));
            }
            Notices.error(getTranslation(refused.messageKey()));
        }
    }

    /** A client of the group: attendance, reason when absent, concern, note. */
    private final class ClientRow extends HorizontalLayout {

        private static final long serialVersionUID = 1L;

        private final long referralId;
        private final Select<Attendance> attendance;
        private final Select<AbsenceReason> reason;
        private final Checkbox concern = new Checkbox(getTranslation("session.concern"));
        private final TextField notes = new TextField();

        ClientRow(GroupCandidate candidate) {
            this.referralId = candidate.referralId();
            addClassName("group-row");
            getElement().setAttribute("data-reference", candidate.reference());
            Span name = new Span(candidate.clientName());
            name.setWidth("14em");
            attendance = SessionForm.attendance(GroupSessionView.this::getTranslation, null);
            attendance.addClassName("group-attendance");
            reason = SessionForm.absence(GroupSessionView.this::getTranslation, null, attendance);
            reason.addClassName("group-absence");
            concern.addClassName("group-concern");
            SessionForm.concernOnlyWhenHeld(attendance, concern);
            notes.addClassName("group-notes");
            notes.setAriaLabel(getTranslation("session.notes"));
            notes.setPlaceholder(getTranslation("session.notes"));
            notes.setMaxLength(2000);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(name, attendance, reason, concern, notes);
            setFlexGrow(1, notes);
        }

        ClientAttendance attendance() {
            return new ClientAttendance(referralId, attendance.getValue(), reason.getValue(), notes.getValue(),
                    concern.getValue());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("group.title");
    }
}
