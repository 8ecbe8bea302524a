package org.reintegra.delivery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;
import org.reintegra.delivery.DropoutReason;
import org.reintegra.delivery.EnrolmentDeclineReason;
import org.reintegra.delivery.EnrolmentEntry;
import org.reintegra.delivery.EnrolmentService;
import org.reintegra.delivery.EnrolmentStatus;
import org.reintegra.delivery.IntakeSummary;

/**
 * A referral's college enrolment: what the agency and the college see, and for the registrar the
 * place to offer (an intake with free seats), confirm, decline, complete or record a dropout.
 */
public class EnrolmentPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient EnrolmentService enrolments;
    private final transient Runnable changed;

    public EnrolmentPanel(EnrolmentService enrolments, long referralId, boolean registrar, boolean open,
                          Runnable changed) {
        this.enrolments = enrolments;
        this.changed = changed;
        setId("referral-enrolment");
        setPadding(false);
        List<EnrolmentEntry> found = enrolments.enrolmentsOf(referralId);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<EnrolmentEntry> grid = new Grid<>(EnrolmentEntry.class, false);
        grid.setId("enrolment-grid");
        grid.addColumn(EnrolmentEntry::courseTitle).setHeader(getTranslation("enrolment.course"));
        grid.addColumn(e -> date.format(e.startsOn())).setHeader(getTranslation("enrolment.starts")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("enrolment-status." + e.status().name())
                        + (e.reasonCode() == null ? "" : " (" + getTranslation("enrolment-reason." + e.reasonCode()) + ")")
                        + (e.certificateNumber() == null ? "" : " — " + getTranslation("enrolment.certificate-no",
                        e.certificateNumber())))
                .setHeader(getTranslation("enrolment.status")).setAutoWidth(true);
        if (registrar) {
            grid.addComponentColumn(this::actions).setAutoWidth(true);
        }
        grid.setItems(found);
        grid.setAllRowsVisible(true);
        if (found.isEmpty()) {
            add(new Span(getTranslation("enrolment.none")));
        } else {
            add(grid);
        }
        if (registrar && open && found.stream().noneMatch(e -> e.status().open())) {
            add(offer(referralId));
        }
    }

    private HorizontalLayout offer(long referralId) {
        Select<IntakeSummary> intake = new Select<>();
        intake.setId("enrolment-intake");
        intake.setLabel(getTranslation("enrolment.intake"));
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        intake.setItems(enrolments.intakes().stream().filter(i -> i.seatsFree() > 0).toList());
        intake.setItemLabelGenerator(i -> i == null ? "" : getTranslation("enrolment.intake-label", i.courseTitle(),
                date.format(i.startsOn()), i.seatsFree()));
        Button offer = new Button(getTranslation("enrolment.offer"), click -> {
            if (intake.getValue() == null) {
                intake.setErrorMessage(getTranslation("field.required"));
                intake.setInvalid(true);
                return;
            }
            run("enrolment.offered", () -> enrolments.offerPlace(referralId, intake.getValue().intakeId()));
        });
        offer.setId("enrolment-offer");
        HorizontalLayout bar = new HorizontalLayout(intake, offer);
        bar.setAlignItems(Alignment.END);
        return bar;
    }

    private HorizontalLayout actions(EnrolmentEntry e) {
        HorizontalLayout bar = new HorizontalLayout();
        if (e.status() == EnrolmentStatus.OFFERED) {
            Button confirm = new Button(getTranslation("enrolment.confirm"),
                    click -> run("enrolment.confirmed", () -> enrolments.confirm(e.id(), e.version())));
            confirm.setId("enrolment-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button decline = new Button(getTranslation("enrolment.decline"), click -> reasonDialog(
                    "enrolment.decline", List.of(EnrolmentDeclineReason.values()), EnrolmentDeclineReason.OTHER,
                    (reason, text) -> enrolments.decline(e.id(), e.version(), reason, text)));
            decline.setId("enrolment-decline");
            bar.add(confirm, decline);
        } else if (e.status() == EnrolmentStatus.CONFIRMED) {
            Button complete = new Button(getTranslation("enrolment.complete"), click -> certificateDialog(e));
            complete.setId("enrolment-complete");
            Button dropout = new Button(getTranslation("enrolment.dropout"), click -> reasonDialog(
                    "enrolment.dropout", List.of(DropoutReason.values()), DropoutReason.OTHER,
                    (reason, text) -> enrolments.dropOut(e.id(), e.version(), reason, text)));
            dropout.setId("enrolment-dropout");
            bar.add(complete, dropout);
        }
        return bar;
    }

    private <R extends Enum<R>> void reasonDialog(String titleKey, List<R> reasons, R other,
                                                 java.util.function.BiFunction<R, String, EnrolmentEntry> action) {
        Dialog dialog = new Dialog();
        dialog.setId("enrolment-reason-dialog");
        dialog.setHeaderTitle(getTranslation(titleKey));
        Select<R> reason = new Select<>();
        reason.setId("enrolment-reason");
        reason.setLabel(getTranslation("enrolment.reason"));
        reason.setItems(reasons);
        reason.setItemLabelGenerator(r -> r == null ? "" : getTranslation("enrolment-reason." + r.name()));
        TextArea text = new TextArea(getTranslation("enrolment.reason-text"));
        text.setId("enrolment-reason-text");
        dialog.add(new VerticalLayout(reason, text));
        Button save = new Button(getTranslation(titleKey), click -> {
            if (reason.getValue() == null) {
                reason.setErrorMessage(getTranslation("field.required"));
                reason.setInvalid(true);
                return;
            }
            if (reason.getValue() == other && text.getValue().isBlank()) {
                text.setErrorMessage(getTranslation("enrolment.reason-text.required"));
                text.setInvalid(true);
                return;
            }
            dialog.close();
            run("enrolment.saved", () -> action.apply(reason.getValue(), text.getValue()));
        });
        save.setId("enrolment-reason-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void certificateDialog(EnrolmentEntry e) {
        Dialog dialog = new Dialog();
        dialog.setId("enrolment-certificate-dialog");
        dialog.setHeaderTitle(getTranslation("enrolment.complete"));
        TextField certificate = new TextField(getTranslation("enrolment.certificate"));
        certificate.setId("enrolment-certificate");
        certificate.setMaxLength(60);
        dialog.add(certificate);
        Button save = new Button(getTranslation("enrolment.complete"), click -> {
            if (certificate.getValue().isBlank()) {
                certificate.setErrorMessage(getTranslation("enrolment.certificate.required"));
                certificate.setInvalid(true);
                return;
            }
            dialog.close();
            run("enrolment.saved", () -> enrolments.complete(e.id(), e.version(), certificate.getValue()));
        });
        save.setId("enrolment-certificate-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void run(String successKey, Supplier<EnrolmentEntry> command) {
        Notices.attempt(this, successKey, command::get);
        changed.run();
    }
}
