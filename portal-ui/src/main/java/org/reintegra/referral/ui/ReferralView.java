package org.reintegra.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;
import org.reintegra.access.Roles;
import org.reintegra.access.ScreenTransaction;
import org.reintegra.portal.security.SignedInUser;
import org.reintegra.portal.ui.FactList;
import org.reintegra.portal.ui.ReadOnlyTable;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.referral.DeclineReason;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralCommand;
import org.reintegra.referral.ReferralDetails;
import org.reintegra.referral.ReferralInputRejected;
import org.reintegra.referral.ReferralNoteEntry;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralTransitionRefused;
import org.reintegra.referral.WithdrawalReason;
import org.reintegra.referral.ReferralHistoryEntry;
import org.reintegra.referral.ReferralService;
import org.reintegra.referral.ReferralAmendmentEntry;
import org.reintegra.staff.StaffDirectory;
import org.reintegra.referral.ReferralAttachments;
import org.reintegra.referral.ReferralSide;
import org.reintegra.referral.ReferralStatus;
import org.reintegra.referral.ServiceType;
import org.reintegra.delivery.CardType;
import java.util.stream.Collectors;

/**
 * One referral with its history. A referral that does not exist and one that the user's
 * organisation does not share both lead to the same "not found" page.
 */
@Route(value = "referrals", layout = MainLayout.class)
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class ReferralView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient ReferralService referrals;
    private final transient SignedInUser user;
    private final transient StaffDirectory staff;
    private final transient ReferralAttachments attachments;
    private final transient org.reintegra.delivery.DeliveryService delivery;
    private final transient org.reintegra.delivery.EnrolmentService enrolments;
    private final transient org.reintegra.delivery.CardService cards;
    private final transient org.reintegra.delivery.ActionPlanService plans;
    private final transient org.reintegra.outcome.OutcomeService outcomes;
    private final transient ScreenTransaction screen;
    private String title = "";
    private Long shownId;

    @Inject
    public ReferralView(ReferralService referrals, SignedInUser user, StaffDirectory staff,
                        ReferralAttachments attachments, org.reintegra.delivery.DeliveryService delivery,
                        org.reintegra.delivery.EnrolmentService enrolments, org.reintegra.delivery.CardService cards,
                        org.reintegra.delivery.ActionPlanService plans, org.reintegra.outcome.OutcomeService outcomes,
                        ScreenTransaction screen) {
        this.referrals = referrals;
        this.user = user;
        this.staff = staff;
        this.attachments = attachments;
        this.delivery = delivery;
        this.enrolments = enrolments;
        this.cards = cards;
        this.plans = plans;
        this.outcomes = outcomes;
        this.screen = screen;
    }

    @Override
    public void setParameter(BeforeEvent event, Long referralId) {
        removeAll();
        if (referralId == null || user.organisation().isEmpty() || !showFound(referralId)) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    /**
     * Reads the referral and everything its page shows (plan, sessions, report, attachments: each
     * from its own service) in one transaction, and shows it; false when it is not found.
     */
    private boolean showFound(long referralId) {
        return screen.read(() -> referrals.findReferral(referralId).map(found -> {
            shownId = referralId;
            show(found);
            return true;
        }).orElse(false));
    }

    /** Shows the referral as a command left it; the page's other parts are read in one transaction. */
    private void showChanged(ReferralDetails changed) {
        screen.read(() -> {
            show(changed);
            return changed;
        });
    }

    private void show(ReferralDetails referral) {
        removeAll();
        title = getTranslation("referral.page-title", referral.reference());
        H2 heading = new H2(getTranslation("referral.page-title", referral.reference()));
        heading.setId("referral-heading");
        Span status = new Span(getTranslation("status." + referral.status().name()));
        status.setId("referral-status");
        status.getElement().getThemeList().add("badge");
        HorizontalLayout badges = new HorizontalLayout(status);
        if (referral.awaitingViewer()) {
            Span attention = new Span(getTranslation("referral.awaiting-you"));
            attention.setId("referral-awaiting");
            attention.getElement().getThemeList().add("badge contrast");
            badges.add(attention);
        }

        FactList facts = new FactList();
        fact(facts, "referral.client", referral.clientName());
        fact(facts, "referral.date-of-birth", date(referral.clientDateOfBirth()));
        fact(facts, "referral.sex", getTranslation("sex." + referral.clientSex().name()));
        fact(facts, "referral.language", referral.clientPreferredLanguage() == null ? null
                : getTranslation("language." + referral.clientPreferredLanguage()));
        fact(facts, "referral.agency", referral.agencyName());
        fact(facts, "referral.partner", referral.partnerName());
        fact(facts, "referral.programme", getTranslation("programme." + referral.programmeArea().name()));
        fact(facts, "referral.service", getTranslation("service." + referral.serviceType().name()));
        if (referral.offenceAndRiskDetailsShown()) {
            fact(facts, "referral.reason", referral.reasonForReferral());
            fact(facts, "referral.risk-summary", referral.riskSummary());
        } else {
            fact(facts, "referral.reason", getTranslation("referral.not-shared-with-you"));
            fact(facts, "referral.risk-summary", getTranslation("referral.not-shared-with-you"));
        }
        if (referral.healthNotesShown()) {
            fact(facts, "referral.health-notes", referral.healthNotes());
        }
        if (referral.legalCaseDetailsShown()) {
            fact(facts, "referral.legal-case-details", referral.legalCaseDetails());
        }
        fact(facts, "referral.desired-outcomes", referral.desiredOutcomes().stream()
                .map(o -> getTranslation("outcome." + o.name())).collect(Collectors.joining("; ")));
        fact(facts, "referral.legal-basis", referral.legalBasis() == null ? null
                : getTranslation("legal-basis." + referral.legalBasis().name())
                        + (referral.consentRecordedOn() == null ? ""
                        : " — " + getTranslation("referral.consent-on", date(referral.consentRecordedOn()))));
        fact(facts, "referral.custody", referral.custodyStatus() == null ? null
                : getTranslation("custody." + referral.custodyStatus().name()));
        fact(facts, "referral.release-date", date(referral.releaseDate()));
        fact(facts, "referral.deadline", date(referral.completionDeadline()));
        fact(facts, "referral.office", referral.sendingOffice());
        fact(facts, "referral.officer", referral.sendingOfficer());
        fact(facts, "referral.caseworker", referral.assignedCaseworker());

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        Component history = new ReadOnlyTable<ReferralHistoryEntry>()
                .column(getTranslation("history.when"), h -> when.format(LocalDateTime.ofInstant(h.changedAt(), ZoneId.systemDefault())))
                .column(getTranslation("history.from"), h -> h.from() == null ? "" : getTranslation("status." + h.from().name()))
                .column(getTranslation("history.to"), h -> getTranslation("status." + h.to().name()))
                .column(getTranslation("history.who"), ReferralHistoryEntry::changedBy)
                .column(getTranslation("history.why"), ReferralHistoryEntry::reasonText)
                .build("referral-history", referral.history());

        boolean mayAttach = referral.viewerSide() == ReferralSide.AGENCY ? user.hasRole(Roles.AGENCY_OFFICER)
                : user.hasRole(Roles.PARTNER_STAFF) || user.hasRole(Roles.COLLEGE_REGISTRAR);
        add(heading, badges, actions(referral), facts.build("referral-facts"));
        addDeliveries(referral);
        add(new H3(getTranslation("attachments.title")),
                new AttachmentsPanel(attachments, referral.id(), referral.viewerSide(), mayAttach, this::reload),
                new H3(getTranslation("notes.title")), notes(referral),
                new H3(getTranslation("history.title")), history);
        if (!referral.changelog().isEmpty()) {
            add(new H3(getTranslation("changelog.title")), changelog(referral));
        }
    }

    /** What the partner delivered: sessions, the college enrolment, the card, as fits the service. */
    private void addDeliveries(ReferralDetails referral) {
        ReferralStatus status = referral.status();
        boolean accepted = status == ReferralStatus.ACCEPTED || status == ReferralStatus.IN_PROGRESS
                || status == ReferralStatus.ON_HOLD || status == ReferralStatus.COMPLETED
                || status == ReferralStatus.ENDED_EARLY;
        if (!accepted) {
            return;
        }
        boolean open = status == ReferralStatus.ACCEPTED || status == ReferralStatus.IN_PROGRESS
                || status == ReferralStatus.ON_HOLD;
        boolean partner = referral.viewerSide() == ReferralSide.PARTNER;
        boolean staffMember = partner && user.hasRole(Roles.PARTNER_STAFF);
        boolean registrar = partner && user.hasRole(Roles.COLLEGE_REGISTRAR);
        ServiceType service = referral.serviceType();
        boolean officer = referral.viewerSide() == ReferralSide.AGENCY && user.hasRole(Roles.AGENCY_OFFICER);
        add(new H3(getTranslation("plan.title")), new org.reintegra.delivery.ui.ActionPlanPanel(plans, referral.id(),
                (staffMember || registrar) && open, officer && open, this::reload));
        if (service == ServiceType.PROFESSIONAL_RETRAINING) {
            add(new H3(getTranslation("enrolment.title")),
                    new org.reintegra.delivery.ui.EnrolmentPanel(enrolments, referral.id(), registrar, open, this::reload));
        } else if (service == ServiceType.ID_CARD || service == ServiceType.TRANSPORT_CARD) {
            add(new H3(getTranslation("card.title")), new org.reintegra.delivery.ui.CardsPanel(cards, referral.id(),
                    service == ServiceType.ID_CARD ? CardType.ID_CARD : CardType.TRANSPORT_CARD, staffMember && open,
                    this::reload));
        }
        add(new H3(getTranslation("session.title")), new org.reintegra.delivery.ui.SessionsPanel(delivery, referral.id(),
                service, (staffMember || registrar) && open, this::reload));
        java.util.List<org.reintegra.outcome.Conclusion> conclusions = !(staffMember || registrar) ? java.util.List.of()
                : status == ReferralStatus.IN_PROGRESS ? java.util.List.of(org.reintegra.outcome.Conclusion.COMPLETED,
                        org.reintegra.outcome.Conclusion.ENDED_EARLY)
                : open ? java.util.List.of(org.reintegra.outcome.Conclusion.ENDED_EARLY) : java.util.List.of();
        add(new H3(getTranslation("report.title")), new org.reintegra.outcome.ui.ReportPanel(outcomes, referral.id(),
                referral.version(), referral.desiredOutcomes(), conclusions, officer, this::reload));
    }

    /** The changelog: each amended field (or reassignment) with old and new value, who, when and why. */
    private Component changelog(ReferralDetails referral) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        return new ReadOnlyTable<ReferralAmendmentEntry>()
                .column(getTranslation("history.when"), a -> when.format(LocalDateTime.ofInstant(a.amendedAt(), ZoneId.systemDefault())))
                .column(getTranslation("changelog.field"), a -> getTranslation("field." + a.field().name()))
                .column(getTranslation("changelog.old"), a -> shown(a.field(), a.oldValue()))
                .column(getTranslation("changelog.new"), a -> shown(a.field(), a.newValue()))
                .column(getTranslation("history.who"), ReferralAmendmentEntry::amendedBy)
                .column(getTranslation("history.why"), ReferralAmendmentEntry::reason)
                .build("referral-changelog", referral.changelog());
    }

    /** A changelog value as people read it: translated codes, dates in the user's format. */
    private String shown(org.reintegra.referral.ReferralField field, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        return switch (field) {
            case DESIRED_OUTCOMES -> java.util.Arrays.stream(value.split(","))
                    .map(code -> getTranslation("outcome." + code)).collect(Collectors.joining("; "));
            case LEGAL_BASIS -> getTranslation("legal-basis." + value);
            case CUSTODY_STATUS -> getTranslation("custody." + value);
            case RELEASE_DATE, COMPLETION_DEADLINE, CONSENT_RECORDED_ON -> date(LocalDate.parse(value));
            default -> value;
        };
    }

    /** Case notes and questions between the agency and the partner, and a box to write one. */
    private VerticalLayout notes(ReferralDetails referral) {
        VerticalLayout thread = new VerticalLayout();
        thread.setId("referral-notes");
        thread.setPadding(false);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        for (ReferralNoteEntry note : referral.notes()) {
            Span header = new Span(getTranslation(note.question() ? "notes.asked-by" : "notes.written-by", note.author(),
                    getTranslation("notes.side." + note.authorSide().name()),
                    when.format(LocalDateTime.ofInstant(note.writtenAt(), ZoneId.systemDefault()))));
            header.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            Paragraph body = new Paragraph(note.body());
            body.getStyle().set("margin", "0").set("white-space", "pre-wrap");
            VerticalLayout entry = new VerticalLayout(header, body);
            entry.setPadding(false);
            entry.setSpacing(false);
            entry.addClassName("referral-note");
            thread.add(entry);
        }
        TextArea text = new TextArea(getTranslation("notes.new"));
        text.setId("note-text");
        text.setMaxLength(4000);
        text.setWidthFull();
        Button write = button("note-add", "notes.add", false, () -> writeNote(referral.id(), text, false));
        Button ask = button("note-ask", "notes.ask", false, () -> writeNote(referral.id(), text, true));
        thread.add(text, new HorizontalLayout(write, ask));
        return thread;
    }

    private void writeNote(long id, TextArea text, boolean question) {
        if (text.getValue().isBlank()) {
            text.setErrorMessage(getTranslation("note.length"));
            text.setInvalid(true);
            return;
        }
        try {
            showChanged(referrals.writeNote(id, text.getValue(), question));
            notice(getTranslation(question ? "notes.asked" : "notes.added"), NotificationVariant.LUMO_SUCCESS);
        } catch (ReferralInputRejected rejected) {
            text.setErrorMessage(getTranslation(rejected.messageKey()));
            text.setInvalid(true);
        } catch (ReferralNotFound gone) {
            getUI().ifPresent(ui -> ui.navigate(""));
        }
    }

    /** The commands the user may give now; each runs through ReferralService with the version shown. */
    private HorizontalLayout actions(ReferralDetails referral) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("referral-actions");
        long id = referral.id();
        long version = referral.version();
        for (ReferralCommand command : referral.availableCommands()) {
            switch (command) {
                case SEND -> bar.add(button("action-send", "action.send", true,
                        () -> run("notice.sent", () -> referrals.sendReferral(id, version))));
                case ACCEPT -> bar.add(button("action-accept", "action.accept", true,
                        () -> run("notice.accepted", () -> referrals.acceptReferral(id, version))));
                case DECLINE -> bar.add(button("action-decline", "action.decline", false,
                        () -> new ReasonDialog<>(getTranslation("dialog.decline.title", referral.reference()),
                                getTranslation("action.decline"), List.of(DeclineReason.values()),
                                r -> getTranslation("decline-reason." + r.name()), r -> r == DeclineReason.OTHER,
                                (reason, text) -> run("notice.declined",
                                        () -> referrals.declineReferral(id, version, reason, text))).open()));
                case PUT_ON_HOLD -> bar.add(button("action-hold", "action.put-on-hold", false,
                        () -> new ReasonDialog<Void>(getTranslation("dialog.hold.title", referral.reference()),
                                getTranslation("action.put-on-hold"), List.of(), r -> "", r -> true,
                                (none, text) -> run("notice.on-hold",
                                        () -> referrals.putReferralOnHold(id, version, text))).open()));
                case RESUME -> bar.add(button("action-resume", "action.resume", true,
                        () -> run("notice.resumed", () -> referrals.resumeReferral(id, version))));
                case WITHDRAW -> bar.add(button("action-withdraw", "action.withdraw", false,
                        () -> new ReasonDialog<>(getTranslation("dialog.withdraw.title", referral.reference()),
                                getTranslation("action.withdraw"), List.of(WithdrawalReason.values()),
                                r -> getTranslation("withdrawal-reason." + r.name()), r -> r == WithdrawalReason.OTHER,
                                (reason, text) -> run("notice.withdrawn",
                                        () -> referrals.withdrawReferral(id, version, reason, text))).open()));
                default -> {
                    // recorded by later features (sessions, end-of-service reports)
                }
            }
        }
        if (referral.editableDraft()) {
            bar.add(button("action-edit-draft", "action.edit-draft", false,
                    () -> getUI().ifPresent(ui -> ui.navigate(NewReferralView.class, id))));
        }
        if (referral.amendable()) {
            bar.add(button("action-amend", "action.amend", false, () -> new AmendReferralDialog(referral,
                    (terms, why) -> run("notice.amended", () -> referrals.amendReferral(id, version, terms, why))).open()));
        }
        if (referral.reassignable()) {
            bar.add(button("action-reassign", "action.reassign", false, () -> new ReassignDialog(referral.reference(),
                    referral.assignedCaseworker(), staff.caseworkers(),
                    (caseworker, why) -> run("notice.reassigned",
                            () -> referrals.reassignReferral(id, version, caseworker, why))).open()));
        }
        return bar;
    }

    private Button button(String id, String labelKey, boolean primary, Runnable action) {
        Button button = new Button(getTranslation(labelKey), click -> action.run());
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }

    /** Runs a command; shows the result, or why not, and always the referral as it now is. */
    private void run(String successKey, Supplier<ReferralDetails> command) {
        try {
            showChanged(command.get());
            notice(getTranslation(successKey), NotificationVariant.LUMO_SUCCESS);
        } catch (ReferralChangedMeanwhile conflict) {
            reload();
            notice(getTranslation("notice.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
        } catch (ReferralTransitionRefused refused) {
            reload();
            notice(refused.messageKey() != null ? getTranslation(refused.messageKey())
                    : getTranslation("notice.not-allowed", getTranslation("status." + refused.status().name())),
                    NotificationVariant.LUMO_ERROR);
        } catch (ReferralNotFound gone) {
            getUI().ifPresent(ui -> ui.navigate(""));
        }
    }

    private void reload() {
        if (shownId != null && !showFound(shownId)) {
            getUI().ifPresent(ui -> ui.navigate(""));
        }
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        notification.setId("referral-notice");
    }

    private void fact(FactList facts, String labelKey, String value) {
        facts.add(getTranslation(labelKey), value);
    }

    private String date(LocalDate date) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale()).format(date);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
