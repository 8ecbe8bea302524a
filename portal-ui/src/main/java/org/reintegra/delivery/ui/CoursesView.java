package org.reintegra.delivery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.delivery.EnrolmentEntry;
import org.reintegra.delivery.EnrolmentService;
import org.reintegra.delivery.EnrolmentStatus;
import org.reintegra.delivery.IntakeSummary;
import org.reintegra.portal.security.SignedInUser;
import org.reintegra.portal.ui.MainLayout;

/**
 * A college's courses and intakes with their seats; a new course with its first intake; and per
 * intake the enrolments, with one action that confirms every offered place while seats last.
 */
@Route(value = "courses", layout = MainLayout.class)
@RolesAllowed({Roles.COLLEGE_REGISTRAR, Roles.PARTNER_ADMIN})
public class CoursesView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient EnrolmentService enrolments;
    private final Grid<IntakeSummary> intakes = new Grid<>(IntakeSummary.class, false);
    private final Grid<EnrolmentEntry> onIntake = new Grid<>(EnrolmentEntry.class, false);
    private final Button confirmAll = new Button();
    private final boolean registrar;

    @Inject
    public CoursesView(EnrolmentService enrolments, SignedInUser user) {
        this.enrolments = enrolments;
        this.registrar = user.hasRole(Roles.COLLEGE_REGISTRAR);
        H2 heading = new H2(getTranslation("courses.title"));
        heading.setId("courses-heading");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        intakes.setId("intakes-grid");
        intakes.addColumn(IntakeSummary::courseTitle).setHeader(getTranslation("enrolment.course"));
        intakes.addColumn(i -> date.format(i.startsOn())).setHeader(getTranslation("enrolment.starts")).setAutoWidth(true);
        intakes.addColumn(i -> date.format(i.endsOn())).setHeader(getTranslation("courses.ends")).setAutoWidth(true);
        intakes.addColumn(IntakeSummary::seats).setHeader(getTranslation("courses.seats")).setAutoWidth(true);
        intakes.addColumn(IntakeSummary::seatsFree).setHeader(getTranslation("courses.seats-free")).setAutoWidth(true);
        intakes.setAllRowsVisible(true);
        intakes.asSingleSelect().addValueChangeListener(e -> showEnrolments(e.getValue()));

        onIntake.setId("intake-enrolments");
        onIntake.addColumn(EnrolmentEntry::referralId).setHeader(getTranslation("courses.referral")).setAutoWidth(true);
        onIntake.addColumn(e -> getTranslation("enrolment-status." + e.status().name()))
                .setHeader(getTranslation("enrolment.status"));
        onIntake.setAllRowsVisible(true);
        onIntake.setVisible(false);
        confirmAll.setId("confirm-intake");
        confirmAll.setText(getTranslation("courses.confirm-all"));
        confirmAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmAll.setVisible(false);
        confirmAll.addClickListener(click -> {
            IntakeSummary intake = intakes.asSingleSelect().getValue();
            if (intake != null) {
                int confirmed = enrolments.confirmAllOffered(intake.intakeId());
                Notices.success(getTranslation("courses.confirmed", confirmed));
                refresh(intake.intakeId());
            }
        });

        add(heading, intakes, onIntake, confirmAll, newCourse());
        refresh(null);
    }

    private VerticalLayout newCourse() {
        TextField title = new TextField(getTranslation("courses.course-title"));
        title.setId("course-title");
        title.setMaxLength(200);
        TextField qualification = new TextField(getTranslation("courses.qualification"));
        qualification.setId("course-qualification");
        DatePicker starts = new DatePicker(getTranslation("enrolment.starts"));
        starts.setId("course-starts");
        DatePicker ends = new DatePicker(getTranslation("courses.ends"));
        ends.setId("course-ends");
        IntegerField seats = new IntegerField(getTranslation("courses.seats"));
        seats.setId("course-seats");
        seats.setMin(1);
        seats.setMax(1000);
        Button publish = new Button(getTranslation("courses.publish"), click -> {
            try {
                IntakeSummary added = enrolments.addCourseIntake(title.getValue(), qualification.getValue(),
                        starts.getValue(), ends.getValue(), seats.getValue() == null ? 0 : seats.getValue());
                Notices.success(getTranslation("courses.published", added.courseTitle()));
                title.clear();
                qualification.clear();
                refresh(null);
            } catch (InputRejected refused) {
                java.util.Map<String, com.vaadin.flow.component.Component> fields = java.util.Map.of("title", title,
                        "endsOn", ends, "seats", seats);
                SessionForm.mark(fields.getOrDefault(refused.field(), title), getTranslation(refused.messageKey()));
            }
        });
        publish.setId("course-publish");
        VerticalLayout form = new VerticalLayout(new H3(getTranslation("courses.new")),
                new FormLayout(title, qualification, starts, ends, seats), publish);
        form.setPadding(false);
        return form;
    }

    private void refresh(Long selectIntake) {
        var all = enrolments.intakes();
        intakes.setItems(all);
        if (selectIntake != null) {
            all.stream().filter(i -> i.intakeId() == selectIntake).findFirst().ifPresent(intakes::select);
        }
    }

    private void showEnrolments(IntakeSummary intake) {
        boolean show = intake != null && registrar;
        onIntake.setVisible(show);
        confirmAll.setVisible(show);
        if (show) {
            var found = enrolments.enrolmentsOnIntake(intake.intakeId());
            onIntake.setItems(found);
            confirmAll.setEnabled(found.stream().anyMatch(e -> e.status() == EnrolmentStatus.OFFERED));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("courses.title");
    }
}
