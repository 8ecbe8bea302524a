package org.reintegra.delivery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;
import org.reintegra.access.InputRejected;
import org.reintegra.delivery.ActionPlanEntry;
import org.reintegra.delivery.ActionPlanService;
import org.reintegra.delivery.ActionPlanStatus;
import org.reintegra.referral.ReferralNotFound;

/**
 * A referral's action plan: the current version with its review and the earlier versions; the
 * partner proposes a (new) version, the officer approves it or returns it with comments.
 */
public class ActionPlanPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient ActionPlanService plans;
    private final transient Runnable changed;

    public ActionPlanPanel(ActionPlanService plans, long referralId, boolean mayPropose, boolean mayReview,
                           Runnable changed) {
        this.plans = plans;
        this.changed = changed;
        setId("referral-action-plan");
        setPadding(false);
        List<ActionPlanEntry> versions = plans.plansOf(referralId);
        if (versions.isEmpty()) {
            add(new Span(getTranslation("plan.none")));
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        for (ActionPlanEntry plan : versions) {
            VerticalLayout version = new VerticalLayout();
            version.setPadding(false);
            version.setSpacing(false);
            version.addClassName("action-plan-version");
            Span header = new Span(getTranslation("plan.version", plan.planVersion(),
                    getTranslation("plan-status." + plan.status().name()), plan.plannedSessions(), plan.submittedBy(),
                    when.format(LocalDateTime.ofInstant(plan.submittedAt(), ZoneId.systemDefault()))));
            header.getStyle().set("font-weight", "600");
            Paragraph activities = new Paragraph(plan.activities());
            activities.getStyle().set("white-space", "pre-wrap").set("margin", "0");
            version.add(header, activities);
            if (plan.reviewComment() != null) {
                Paragraph comment = new Paragraph(getTranslation("plan.comment", plan.reviewedBy(), plan.reviewComment()));
                comment.addClassName("action-plan-comment");
                version.add(comment);
            }
            if (mayReview && plan.status() == ActionPlanStatus.SUBMITTED) {
                Button approve = new Button(getTranslation("plan.approve"),
                        click -> run("plan.approved", () -> plans.approve(plan.id(), plan.version())));
                approve.setId("plan-approve");
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Button giveBack = new Button(getTranslation("plan.return"), click -> returnDialog(plan));
                giveBack.setId("plan-return");
                version.add(new HorizontalLayout(approve, giveBack));
            }
            add(version);
        }
        if (mayPropose) {
            Button propose = new Button(getTranslation(versions.isEmpty() ? "plan.propose" : "plan.propose-new"),
                    click -> proposeDialog(referralId, versions.isEmpty() ? null : versions.get(0)));
            propose.setId("plan-propose");
            add(propose);
        }
    }

    private void proposeDialog(long referralId, ActionPlanEntry latest) {
        Dialog dialog = new Dialog();
        dialog.setId("plan-dialog");
        dialog.setHeaderTitle(getTranslation("plan.propose"));
        dialog.setWidth("40em");
        TextArea activities = new TextArea(getTranslation("plan.activities"));
        activities.setId("plan-activities");
        activities.setMaxLength(4000);
        activities.setWidthFull();
        IntegerField sessions = new IntegerField(getTranslation("plan.sessions"));
        sessions.setId("plan-sessions");
        sessions.setMin(1);
        sessions.setMax(500);
        if (latest != null) {
            activities.setValue(latest.activities());
            sessions.setValue(latest.plannedSessions());
        }
        dialog.add(new VerticalLayout(activities, sessions));
        Button save = new Button(getTranslation("plan.submit"), click -> {
            try {
                plans.propose(referralId, activities.getValue(), sessions.getValue() == null ? 0 : sessions.getValue());
                dialog.close();
                Notices.success(getTranslation("plan.submitted"));
                changed.run();
            } catch (ReferralNotFound gone) {
                dialog.close();
                changed.run();
            } catch (InputRejected refused) {
                SessionForm.mark("plannedSessions".equals(refused.field()) ? sessions : activities,
                        getTranslation(refused.messageKey()));
            }
        });
        save.setId("plan-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void returnDialog(ActionPlanEntry plan) {
        Dialog dialog = new Dialog();
        dialog.setId("plan-return-dialog");
        dialog.setHeaderTitle(getTranslation("plan.return"));
        TextArea comment = new TextArea(getTranslation("plan.return-comment"));
        comment.setId("plan-return-comment");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        dialog.add(comment);
        Button save = new Button(getTranslation("plan.return"), click -> {
            if (comment.getValue().isBlank()) {
                comment.setErrorMessage(getTranslation("plan.comment.required"));
                comment.setInvalid(true);
                return;
            }
            dialog.close();
            run("plan.returned", () -> plans.giveBack(plan.id(), plan.version(), comment.getValue()));
        });
        save.setId("plan-return-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void run(String successKey, Supplier<ActionPlanEntry> command) {
        Notices.attempt(this, successKey, command::get);
        changed.run();
    }
}
