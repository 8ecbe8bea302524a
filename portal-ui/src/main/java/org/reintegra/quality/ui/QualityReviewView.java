package org.reintegra.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.quality.CheckResult;
import org.reintegra.quality.FindingEntry;
import org.reintegra.quality.FindingStatus;
import org.reintegra.quality.QualityCheck;
import org.reintegra.quality.QualityReviewService;
import org.reintegra.quality.ReviewDetail;
import org.reintegra.quality.ReviewStatus;
import org.reintegra.quality.SampledReferral;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ui.ReferralView;

/**
 * One quality review. The liaison officer checks each sampled referral against the checklist,
 * raises findings with corrective actions and due dates, closes them or opens them again, and
 * closes the review; the partner's admin reads it and answers the findings.
 */
@Route(value = "quality/review", layout = MainLayout.class)
@RolesAllowed({Roles.AGENCY_LIAISON, Roles.PARTNER_ADMIN})
public class QualityReviewView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient QualityReviewService reviews;
    private long reviewId;
    private String title = "";

    @Inject
    public QualityReviewView(QualityReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        Optional<ReviewDetail> found = id == null ? Optional.empty() : reviews.review(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        reviewId = id;
        show(found.get());
    }

    private void reload() {
        reviews.review(reviewId).ifPresentOrElse(this::show, () -> removeAll());
    }

    private void show(ReviewDetail review) {
        removeAll();
        title = review.summary().title();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        H2 heading = new H2(title);
        heading.setId("quality-review-heading");
        Paragraph facts = new Paragraph(getTranslation("quality.facts", review.summary().organisationName(),
                date.format(review.summary().periodFrom()), date.format(review.summary().periodTo()),
                getTranslation("quality.status." + review.summary().status().name())));
        facts.setId("quality-review-facts");
        add(new RouterLink(getTranslation("quality.back"), QualityReviewsView.class), heading, facts);
        boolean open = review.summary().status() == ReviewStatus.OPEN;
        add(new H3(getTranslation("quality.sample")), sample(review, open && review.reviewer()));
        add(new H3(getTranslation("quality.findings")), findings(review, open));
        if (review.reviewer() && open) {
            add(raiseForm(review));
            Button close = new Button(getTranslation("quality.close-review"),
                    click -> act(() -> reviews.close(reviewId, review.version()), "quality.review-closed-notice"));
            close.setId("quality-close-review");
            add(close);
        }
    }

    private Grid<SampledReferral> sample(ReviewDetail review, boolean mayCheck) {
        Grid<SampledReferral> grid = new Grid<>();
        grid.setId("quality-sample");
        if (review.reviewer()) {
            grid.addComponentColumn(s -> new RouterLink(s.reference(), ReferralView.class, s.referralId()))
                    .setHeader(getTranslation("referral.reference")).setAutoWidth(true);
            grid.addColumn(SampledReferral::clientName).setHeader(getTranslation("referral.client")).setAutoWidth(true);
        } else {
            grid.addColumn(SampledReferral::reference).setHeader(getTranslation("referral.reference")).setAutoWidth(true);
        }
        grid.addColumn(s -> getTranslation("status." + s.status())).setHeader(getTranslation("referral.status"))
                .setAutoWidth(true);
        grid.addColumn(this::resultSummary).setHeader(getTranslation("quality.checklist")).setFlexGrow(2);
        grid.addColumn(s -> s.note() == null ? "" : s.note()).setHeader(getTranslation("quality.note")).setFlexGrow(2);
        if (mayCheck) {
            grid.addComponentColumn(s -> {
                Button check = new Button(getTranslation("quality.check"), click -> checkDialog(s).open());
                check.setId("quality-check-" + s.reference());
                check.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return check;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(review.sample());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private String resultSummary(SampledReferral sampled) {
        if (!sampled.checked()) {
            return getTranslation("quality.not-checked");
        }
        long met = sampled.results().values().stream().filter(r -> r == CheckResult.MET).count();
        long notMet = sampled.results().values().stream().filter(r -> r == CheckResult.NOT_MET).count();
        return getTranslation("quality.result-summary", met, notMet);
    }

    private Dialog checkDialog(SampledReferral sampled) {
        Dialog dialog = new Dialog();
        dialog.setId("quality-check-dialog");
        dialog.setHeaderTitle(getTranslation("quality.check-title", sampled.reference()));
        FormLayout form = new FormLayout();
        Map<QualityCheck, Select<CheckResult>> selects = new EnumMap<>(QualityCheck.class);
        for (QualityCheck check : QualityCheck.values()) {
            Select<CheckResult> result = new Select<>();
            result.setLabel(getTranslation("quality.check." + check.name()));
            result.setItems(CheckResult.values());
            result.setItemLabelGenerator(r -> r == null ? "" : getTranslation("quality.result." + r.name()));
            result.setValue(sampled.results().get(check));
            result.setId("quality-check-" + check.name());
            selects.put(check, result);
            form.add(result);
        }
        TextArea note = new TextArea(getTranslation("quality.note"));
        note.setId("quality-check-note");
        note.setMaxLength(2000);
        note.setValue(sampled.note() == null ? "" : sampled.note());
        form.add(note, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("quality.save"), click -> {
            Map<QualityCheck, CheckResult> results = new EnumMap<>(QualityCheck.class);
            selects.forEach((check, select) -> {
                if (select.getValue() != null) {
                    results.put(check, select.getValue());
                }
            });
            if (act(() -> reviews.check(reviewId, sampled.itemId(), sampled.version(), results, note.getValue()),
                    "quality.checked-notice")) {
                dialog.close();
            }
        });
        save.setId("quality-check-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("performance.close"), click -> dialog.close()), save);
        return dialog;
    }

    private Component findings(ReviewDetail review, boolean open) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<FindingEntry> grid = new Grid<>();
        grid.setId("quality-findings");
        grid.addColumn(f -> f.reference() == null ? getTranslation("quality.general") : f.reference())
                .setHeader(getTranslation("referral.reference")).setAutoWidth(true);
        grid.addColumn(FindingEntry::finding).setHeader(getTranslation("quality.finding")).setFlexGrow(2);
        grid.addColumn(FindingEntry::correctiveAction).setHeader(getTranslation("quality.corrective-action")).setFlexGrow(2);
        grid.addColumn(f -> date.format(f.dueOn())).setHeader(getTranslation("quality.due")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation("quality.finding-status." + f.status().name()))
                .setHeader(getTranslation("referral.status")).setAutoWidth(true);
        grid.addColumn(f -> f.partnerResponse() == null ? "" : f.partnerResponse())
                .setHeader(getTranslation("quality.response")).setFlexGrow(2);
        grid.addColumn(f -> f.agencyComment() == null ? "" : f.agencyComment())
                .setHeader(getTranslation("quality.comment")).setFlexGrow(1);
        grid.addComponentColumn(f -> findingActions(f, review.reviewer(), open)).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(review.findings());
        grid.setAllRowsVisible(true);
        if (review.findings().isEmpty()) {
            return new Paragraph(getTranslation("quality.no-findings"));
        }
        return grid;
    }

    private Component findingActions(FindingEntry finding, boolean reviewer, boolean open) {
        HorizontalLayout actions = new HorizontalLayout();
        if (finding.status() == FindingStatus.CLOSED) {
            return actions;
        }
        if (!reviewer) {
            Button answer = new Button(getTranslation("quality.answer"), click -> textDialog("quality.answer",
                    "quality.response", text -> reviews.answer(finding.id(), finding.version(), text),
                    "quality.answered-notice").open());
            answer.setId("quality-answer-" + finding.id());
            answer.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(answer);
        } else if (open) {
            Button close = new Button(getTranslation("quality.close-finding"),
                    click -> act(() -> reviews.closeFinding(finding.id(), finding.version()), "quality.finding-closed-notice"));
            close.setId("quality-close-finding-" + finding.id());
            close.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(close);
            if (finding.status() == FindingStatus.ANSWERED) {
                Button reopen = new Button(getTranslation("quality.reopen"), click -> textDialog("quality.reopen",
                        "quality.comment", text -> reviews.reopenFinding(finding.id(), finding.version(), text),
                        "quality.reopened-notice").open());
                reopen.setId("quality-reopen-" + finding.id());
                reopen.addThemeVariants(ButtonVariant.LUMO_SMALL);
                actions.add(reopen);
            }
        }
        return actions;
    }

    private Dialog textDialog(String titleKey, String fieldKey, java.util.function.Consumer<String> action,
                              String doneKey) {
        Dialog dialog = new Dialog();
        dialog.setId("quality-text-dialog");
        dialog.setHeaderTitle(getTranslation(titleKey));
        TextArea text = new TextArea(getTranslation(fieldKey));
        text.setId("quality-text");
        text.setMaxLength(2000);
        text.setWidth("30rem");
        dialog.add(text);
        Button save = new Button(getTranslation("quality.save"), click -> {
            if (act(() -> action.accept(text.getValue()), doneKey)) {
                dialog.close();
            }
        });
        save.setId("quality-text-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("performance.close"), click -> dialog.close()), save);
        return dialog;
    }

    private Component raiseForm(ReviewDetail review) {
        Select<SampledReferral> referral = new Select<>();
        referral.setLabel(getTranslation("quality.about"));
        referral.setId("quality-finding-referral");
        referral.setItems(review.sample());
        referral.setEmptySelectionAllowed(true);
        referral.setEmptySelectionCaption(getTranslation("quality.general"));
        referral.setItemLabelGenerator(s -> s == null ? getTranslation("quality.general") : s.reference());
        TextArea finding = new TextArea(getTranslation("quality.finding"));
        finding.setId("quality-finding-text");
        finding.setMaxLength(2000);
        TextArea action = new TextArea(getTranslation("quality.corrective-action"));
        action.setId("quality-finding-action");
        action.setMaxLength(2000);
        DatePicker due = new DatePicker(getTranslation("quality.due"), LocalDate.now().plusWeeks(4));
        due.setId("quality-finding-due");
        Button raise = new Button(getTranslation("quality.raise"), click -> act(() -> reviews.raise(reviewId,
                referral.getValue() == null ? null : referral.getValue().referralId(), finding.getValue(),
                action.getValue(), due.getValue()), "quality.raised-notice"));
        raise.setId("quality-raise");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(referral, due, finding, action);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("quality.new-finding")), form, raise);
        box.setPadding(false);
        return box;
    }

    /** Runs a step; on success says so and shows the review again, otherwise says why (and keeps the input). */
    private boolean act(Runnable step, String doneKey) {
        try {
            step.run();
            notice(getTranslation(doneKey), NotificationVariant.LUMO_SUCCESS);
            reload();
            return true;
        } catch (ReferralChangedMeanwhile | ReferralNotFound changed) {
            notice(getTranslation("quality.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
            reload();
            return false;
        } catch (InputRejected rejected) {
            notice(getTranslation(rejected.messageKey()), NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification shown = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        shown.addThemeVariants(variant);
        shown.setId("quality-notice");
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("quality.title") : title;
    }
}
