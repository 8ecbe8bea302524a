package org.reintegra.outcome.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reintegra.access.InputRejected;
import org.reintegra.outcome.Conclusion;
import org.reintegra.outcome.OutcomeRating;
import org.reintegra.outcome.OutcomeService;
import org.reintegra.outcome.RatedOutcome;
import org.reintegra.outcome.ReportDraft;
import org.reintegra.outcome.ReportEntry;
import org.reintegra.referral.DesiredOutcome;
import org.reintegra.referral.EndedEarlyReason;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralTransitionRefused;

/**
 * The end-of-service report of a referral: shown to both sides once written; the partner writes it
 * (each desired outcome rated, a summary, completed or ended early); the officer acknowledges it.
 */
public class ReportPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient OutcomeService outcomes;
    private final transient Runnable changed;

    /**
     * @param conclusions the conclusions the referral's state allows (empty: the partner may not report now)
     */
    public ReportPanel(OutcomeService outcomes, long referralId, long referralVersion, Set<DesiredOutcome> desired,
                       List<Conclusion> conclusions, boolean mayAcknowledge, Runnable changed) {
        this.outcomes = outcomes;
        this.changed = changed;
        setId("referral-report");
        setPadding(false);
        Optional<ReportEntry> report = outcomes.reportOf(referralId);
        if (report.isPresent()) {
            show(report.get(), referralId, mayAcknowledge);
        } else if (!conclusions.isEmpty()) {
            Button write = new Button(getTranslation("report.write"),
                    click -> write(referralId, referralVersion, desired, conclusions));
            write.setId("report-write");
            add(write);
        } else {
            add(new Span(getTranslation("report.none")));
        }
    }

    private void show(ReportEntry report, long referralId, boolean mayAcknowledge) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        Span conclusion = new Span(getTranslation("conclusion." + report.conclusion().name())
                + (report.endedEarlyReason() == null ? "" : " — " + getTranslation("ended-early-reason."
                + report.endedEarlyReason().name())) + (report.endedEarlyText() == null ? "" : ": " + report.endedEarlyText()));
        conclusion.setId("report-conclusion");
        conclusion.getStyle().set("font-weight", "600");
        add(conclusion);
        VerticalLayout ratings = new VerticalLayout();
        ratings.setId("report-ratings");
        ratings.setPadding(false);
        ratings.setSpacing(false);
        for (RatedOutcome rated : report.ratings()) {
            ratings.add(new Span(getTranslation("outcome." + rated.outcome().name()) + ": "
                    + getTranslation("rating." + rated.rating().name())
                    + (rated.comment() == null ? "" : " — " + rated.comment())));
        }
        Paragraph summary = new Paragraph(report.summary());
        summary.getStyle().set("white-space", "pre-wrap");
        Span by = new Span(getTranslation("report.by", report.submittedBy(),
                when.format(LocalDateTime.ofInstant(report.submittedAt(), ZoneId.systemDefault()))));
        add(ratings, summary, by);
        if (report.acknowledgedAt() != null) {
            Span acknowledged = new Span(getTranslation("report.acknowledged-by", report.acknowledgedBy(),
                    when.format(LocalDateTime.ofInstant(report.acknowledgedAt(), ZoneId.systemDefault()))));
            acknowledged.setId("report-acknowledged");
            add(acknowledged);
        } else if (mayAcknowledge) {
            Button acknowledge = new Button(getTranslation("report.acknowledge"), click -> {
                try {
                    outcomes.acknowledge(referralId, report.version());
                    notice(getTranslation("report.acknowledged"), NotificationVariant.LUMO_SUCCESS);
                } catch (ReferralChangedMeanwhile | ReferralNotFound | InputRejected gone) {
                    notice(getTranslation("notice.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
                }
                changed.run();
            });
            acknowledge.setId("report-acknowledge");
            acknowledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(acknowledge);
        }
    }

    private void write(long referralId, long referralVersion, Set<DesiredOutcome> desired, List<Conclusion> conclusions) {
        Dialog dialog = new Dialog();
        dialog.setId("report-dialog");
        dialog.setHeaderTitle(getTranslation("report.write"));
        dialog.setWidth("48em");
        Select<Conclusion> conclusion = new Select<>();
        conclusion.setId("report-conclusion-choice");
        conclusion.setLabel(getTranslation("report.conclusion"));
        conclusion.setItems(conclusions);
        conclusion.setValue(conclusions.get(0));
        conclusion.setItemLabelGenerator(c -> c == null ? "" : getTranslation("conclusion." + c.name()));
        Select<EndedEarlyReason> reason = new Select<>();
        reason.setId("report-reason");
        reason.setLabel(getTranslation("report.ended-early-reason"));
        reason.setItems(EndedEarlyReason.values());
        reason.setItemLabelGenerator(r -> r == null ? "" : getTranslation("ended-early-reason." + r.name()));
        TextField reasonText = new TextField(getTranslation("report.ended-early-text"));
        reasonText.setId("report-reason-text");
        boolean early = conclusion.getValue() == Conclusion.ENDED_EARLY;
        reason.setVisible(early);
        reasonText.setVisible(early);
        conclusion.addValueChangeListener(e -> {
            boolean endedEarly = e.getValue() == Conclusion.ENDED_EARLY;
            reason.setVisible(endedEarly);
            reasonText.setVisible(endedEarly);
        });
        FormLayout form = new FormLayout(conclusion, reason);
        form.add(reasonText, 2);
        Map<DesiredOutcome, Select<OutcomeRating>> ratings = new LinkedHashMap<>();
        Map<DesiredOutcome, TextField> comments = new LinkedHashMap<>();
        for (DesiredOutcome outcome : desired) {
            Select<OutcomeRating> rating = new Select<>();
            rating.setLabel(getTranslation("outcome." + outcome.name()));
            rating.addClassName("report-rating");
            rating.getElement().setAttribute("data-outcome", outcome.name());
            rating.setItems(OutcomeRating.values());
            rating.setItemLabelGenerator(r -> r == null ? "" : getTranslation("rating." + r.name()));
            TextField comment = new TextField(getTranslation("report.comment"));
            comment.addClassName("report-comment");
            comment.setMaxLength(2000);
            ratings.put(outcome, rating);
            comments.put(outcome, comment);
            form.add(rating, comment);
        }
        TextArea summary = new TextArea(getTranslation("report.summary"));
        summary.setId("report-summary");
        summary.setMaxLength(4000);
        form.add(summary, 2);
        dialog.add(form);
        Button submit = new Button(getTranslation("report.submit"), click -> {
            List<RatedOutcome> rated = new ArrayList<>();
            boolean complete = true;
            for (Map.Entry<DesiredOutcome, Select<OutcomeRating>> entry : ratings.entrySet()) {
                Select<OutcomeRating> rating = entry.getValue();
                rating.setInvalid(rating.getValue() == null);
                rating.setErrorMessage(getTranslation("field.required"));
                complete &= rating.getValue() != null;
                rated.add(new RatedOutcome(entry.getKey(), rating.getValue(), comments.get(entry.getKey()).getValue()));
            }
            summary.setInvalid(summary.getValue().isBlank());
            summary.setErrorMessage(getTranslation("field.required"));
            if (!complete || summary.isInvalid()) {
                return;
            }
            try {
                outcomes.submit(referralId, referralVersion, new ReportDraft(conclusion.getValue(),
                        conclusion.getValue() == Conclusion.ENDED_EARLY ? reason.getValue() : null,
                        reasonText.getValue(), summary.getValue(), rated));
                dialog.close();
                notice(getTranslation("report.submitted"), NotificationVariant.LUMO_SUCCESS);
                changed.run();
            } catch (ReferralChangedMeanwhile | ReferralNotFound | ReferralTransitionRefused gone) {
                dialog.close();
                notice(getTranslation("notice.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
                changed.run();
            } catch (InputRejected refused) {
                (("endedEarlyReason".equals(refused.field()) ? reason
                        : "endedEarlyText".equals(refused.field()) ? reasonText : summary)).setInvalid(true);
                notice(getTranslation(refused.messageKey()), NotificationVariant.LUMO_ERROR);
            }
        });
        submit.setId("report-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), submit);
        dialog.open();
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        notification.setId("report-notice");
    }
}
