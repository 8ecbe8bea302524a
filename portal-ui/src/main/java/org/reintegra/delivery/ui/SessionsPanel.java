package org.reintegra.delivery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import org.reintegra.access.InputRejected;
import org.reintegra.delivery.AbsenceReason;
import org.reintegra.delivery.Attendance;
import org.reintegra.delivery.ClientAttendance;
import org.reintegra.delivery.DeliveryService;
import org.reintegra.delivery.SessionEntry;
import org.reintegra.portal.ui.HtmlText;
import org.reintegra.referral.ServiceType;

/**
 * The sessions of one referral, and for the partner a dialog to plan or record one, and to move a
 * planned one (the old date stays as history).
 */
public class SessionsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** Up to this many sessions the list shows whole; beyond, it scrolls and reads a page at a time. */
    private static final int SHOWN_WHOLE = 25;

    private final transient DeliveryService delivery;
    private final long referralId;
    private final ServiceType service;
    private final transient Runnable changed;

    public SessionsPanel(DeliveryService delivery, long referralId, ServiceType service, boolean mayRecord,
                         Runnable changed) {
        this.delivery = delivery;
        this.referralId = referralId;
        this.service = service;
        this.changed = changed;
        setPadding(false);
        setId("referral-sessions");
        Grid<SessionEntry> grid = new Grid<>(SessionEntry.class, false);
        grid.setId("sessions-grid");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        grid.addColumn(s -> date.format(s.date()) + (s.startTime() == null ? "" : " " + s.startTime()))
                .setHeader(getTranslation("session.date")).setAutoWidth(true);
        grid.addColumn(s -> s.durationMinutes() + " min").setHeader(getTranslation("session.duration")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("session-format." + s.format().name())).setHeader(getTranslation("session.format"))
                .setAutoWidth(true);
        grid.addColumn(s -> getTranslation("attendance." + s.attendance().name())
                        + (s.absenceReason() == null ? "" : " (" + getTranslation("absence-reason." + s.absenceReason().name()) + ")"))
                .setHeader(getTranslation("session.attendance")).setAutoWidth(true);
        grid.addColumn(s -> (s.concern() ? "⚠ " + getTranslation("session.concern") + " " : "")
                + (s.notes() == null ? "" : s.notes())).setHeader(getTranslation("session.notes"));
        grid.addColumn(SessionEntry::deliveredBy).setHeader(getTranslation("session.staff")).setAutoWidth(true);
        if (mayRecord) {
            // Rendered in the browser: no server-side component per row, however long the programme.
            grid.addColumn(LitRenderer.<SessionEntry>of("<vaadin-horizontal-layout theme=\"spacing\" ?hidden=${!item.planned}>"
                            + "<vaadin-button class=\"session-record\" @click=${record}>"
                            + HtmlText.inLitTemplate(getTranslation("session.record-attendance")) + "</vaadin-button>"
                            + "<vaadin-button class=\"session-reschedule\" @click=${reschedule}>"
                            + HtmlText.inLitTemplate(getTranslation("session.reschedule")) + "</vaadin-button>"
                            + "</vaadin-horizontal-layout>")
                    .withProperty("planned", s -> s.attendance() == Attendance.PLANNED)
                    .withFunction("record", s -> {
                        if (s.attendance() == Attendance.PLANNED) {
                            open(s);
                        }
                    })
                    .withFunction("reschedule", s -> {
                        if (s.attendance() == Attendance.PLANNED) {
                            reschedule(s);
                        }
                    })).setAutoWidth(true);
        }
        // The latest first. A short list is read once and shown whole; a long programme's hundreds of
        // sessions are read a page at a time as the list is scrolled, never all read or held.
        List<SessionEntry> latest = delivery.sessionsOf(referralId, 0, SHOWN_WHOLE + 1);
        if (latest.size() <= SHOWN_WHOLE) {
            grid.setItems(latest);
            grid.setAllRowsVisible(true);
        } else {
            int count = delivery.sessionCount(referralId);
            grid.setItems(query -> delivery.sessionsOf(referralId, query.getOffset(), query.getLimit()).stream(),
                    query -> count); // the panel is built again after every change it makes
            grid.setPageSize(SHOWN_WHOLE);
            grid.setHeight("32em");
        }
        add(grid);
        if (mayRecord) {
            Button record = new Button(getTranslation("session.record"), click -> open(null));
            record.setId("session-record");
            add(record);
        }
    }

    /** Plans or records a new session (planned == null), or records the attendance of a planned one. */
    private void open(SessionEntry planned) {
        Dialog dialog = new Dialog();
        dialog.setId("session-dialog");
        dialog.setHeaderTitle(getTranslation(planned == null ? "session.record" : "session.record-attendance"));
        DatePicker date = SessionForm.date(this::getTranslation, "session-date");
        TimePicker time = SessionForm.time(this::getTranslation, "session-time");
        IntegerField duration = SessionForm.duration(this::getTranslation, "session-duration");
        Select<Attendance> attendance = SessionForm.attendance(this::getTranslation, "session-attendance");
        attendance.setLabel(getTranslation("session.attendance"));
        Select<AbsenceReason> reason = SessionForm.absence(this::getTranslation, "session-absence", attendance);
        reason.setLabel(getTranslation("session.absence-reason"));
        TextArea notes = new TextArea(getTranslation("session.notes"));
        notes.setId("session-notes");
        notes.setMaxLength(2000);
        Checkbox concern = new Checkbox(getTranslation("session.concern-flag"));
        concern.setId("session-concern");
        SessionForm.concernOnlyWhenHeld(attendance, concern);
        FormLayout form = new FormLayout();
        if (planned == null) {
            form.add(date, time, duration);
        } else {
            attendance.setItems(Attendance.ATTENDED, Attendance.LATE, Attendance.DID_NOT_ATTEND);
            attendance.setValue(Attendance.ATTENDED);
            // correcting a recorded session starts from what it holds
            notes.setValue(planned.notes() == null ? "" : planned.notes());
            concern.setValue(planned.concern());
        }
        form.add(attendance, reason);
        form.add(notes, 2);
        form.add(concern, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), click -> {
            ClientAttendance outcome = new ClientAttendance(referralId, attendance.getValue(), reason.getValue(),
                    notes.getValue(), concern.getValue());
            try {
                if (planned == null) {
                    delivery.recordSession(SessionForm.plan(date, time, duration, service), outcome);
                } else {
                    delivery.recordAttendance(planned.id(), planned.version(), outcome);
                }
                dialog.close();
                changed.run();
            } catch (org.reintegra.referral.ReferralChangedMeanwhile | org.reintegra.referral.ReferralNotFound gone) {
                dialog.close();
                Notices.warn(getTranslation("notice.changed-meanwhile"));
                changed.run();
            } catch (InputRejected rejected) {
                Map<String, com.vaadin.flow.component.Component> fields = Map.of("date", date, "duration", duration,
                        "session", attendance, "clients", attendance);
                SessionForm.mark(fields.getOrDefault(rejected.field(), attendance), getTranslation(rejected.messageKey()));
                if (rejected.messageKey().startsWith("session.absence-reason")) {
                    SessionForm.mark(reason, getTranslation(rejected.messageKey()));
                }
            }
        });
        save.setId("session-save");
        save.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void reschedule(SessionEntry planned) {
        Dialog dialog = new Dialog();
        dialog.setId("reschedule-dialog");
        dialog.setHeaderTitle(getTranslation("session.reschedule"));
        DatePicker date = SessionForm.date(this::getTranslation, "reschedule-date");
        date.setValue(planned.date());
        TimePicker time = SessionForm.time(this::getTranslation, "reschedule-time");
        time.setValue(planned.startTime());
        IntegerField duration = SessionForm.duration(this::getTranslation, "reschedule-duration");
        duration.setValue(planned.durationMinutes());
        dialog.add(new FormLayout(date, time, duration));
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                delivery.rescheduleSession(planned.id(), planned.version(),
                        SessionForm.plan(date, time, duration, planned.serviceType()));
                dialog.close();
                changed.run();
            } catch (org.reintegra.referral.ReferralChangedMeanwhile | org.reintegra.referral.ReferralNotFound gone) {
                dialog.close();
                Notices.warn(getTranslation("notice.changed-meanwhile"));
                changed.run();
            } catch (InputRejected rejected) {
                SessionForm.mark("duration".equals(rejected.field()) ? duration : date, getTranslation(rejected.messageKey()));
            }
        });
        save.setId("reschedule-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }
}
