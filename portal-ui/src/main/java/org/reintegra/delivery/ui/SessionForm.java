package org.reintegra.delivery.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import org.reintegra.delivery.AbsenceReason;
import org.reintegra.delivery.Attendance;
import org.reintegra.delivery.SessionPlan;
import org.reintegra.referral.ServiceType;

/** The fields of a session plan and of one client's attendance, shared by the session screens. */
final class SessionForm {

    private SessionForm() {
    }

    /** Translations of the component showing the fields. */
    interface Translator {
        String translate(String key, Object... params);
    }

    static DatePicker date(Translator t, String id) {
        DatePicker date = new DatePicker(t.translate("session.date"));
        date.setId(id);
        date.setValue(LocalDate.now());
        date.setRequiredIndicatorVisible(true);
        return date;
    }

    static TimePicker time(Translator t, String id) {
        TimePicker time = new TimePicker(t.translate("session.start-time"));
        time.setId(id);
        time.setStep(java.time.Duration.ofMinutes(15));
        return time;
    }

    static IntegerField duration(Translator t, String id) {
        IntegerField duration = new IntegerField(t.translate("session.duration"));
        duration.setId(id);
        duration.setMin(5);
        duration.setMax(600);
        duration.setStep(5);
        duration.setValue(60);
        duration.setStepButtonsVisible(true);
        return duration;
    }

    static Select<Attendance> attendance(Translator t, String id) {
        Select<Attendance> attendance = new Select<>();
        if (id != null) {
            attendance.setId(id);
        }
        attendance.setAriaLabel(t.translate("session.attendance"));
        attendance.setItems(Attendance.PLANNED, Attendance.ATTENDED, Attendance.LATE, Attendance.DID_NOT_ATTEND);
        attendance.setItemLabelGenerator(a -> a == null ? "" : t.translate("attendance." + a.name()));
        attendance.setValue(Attendance.ATTENDED);
        return attendance;
    }

    static Select<AbsenceReason> absence(Translator t, String id, Select<Attendance> attendance) {
        Select<AbsenceReason> reason = new Select<>();
        if (id != null) {
            reason.setId(id);
        }
        reason.setAriaLabel(t.translate("session.absence-reason"));
        reason.setItems(AbsenceReason.values());
        reason.setEmptySelectionAllowed(true);
        reason.setItemLabelGenerator(r -> r == null ? "" : t.translate("absence-reason." + r.name()));
        reason.setEnabled(attendance.getValue() == Attendance.DID_NOT_ATTEND);
        attendance.addValueChangeListener(e -> {
            boolean absent = e.getValue() == Attendance.DID_NOT_ATTEND;
            reason.setEnabled(absent);
            if (!absent) {
                reason.clear();
            }
        });
        return reason;
    }

    /** A concern is raised about a session that took place: the box is off while the session is only planned. */
    static void concernOnlyWhenHeld(Select<Attendance> attendance, com.vaadin.flow.component.checkbox.Checkbox concern) {
        concern.setEnabled(attendance.getValue() != Attendance.PLANNED);
        attendance.addValueChangeListener(e -> {
            boolean held = e.getValue() != Attendance.PLANNED;
            concern.setEnabled(held);
            if (!held) {
                concern.clear();
            }
        });
    }

    static SessionPlan plan(DatePicker date, TimePicker time, IntegerField duration, ServiceType service) {
        return new SessionPlan(date.getValue(), time.getValue(), duration.getValue() == null ? 0 : duration.getValue(),
                service);
    }

    /** Marks the field the service refused. */
    static void mark(Component field, String message) {
        if (field instanceof com.vaadin.flow.component.HasValidation validation) {
            validation.setErrorMessage(message);
            validation.setInvalid(true);
        }
    }
}
