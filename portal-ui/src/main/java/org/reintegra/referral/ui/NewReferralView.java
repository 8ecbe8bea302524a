package org.reintegra.referral.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.client.ClientService;
import org.reintegra.client.ClientSummary;
import org.reintegra.client.NewClient;
import org.reintegra.client.Sex;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralDetails;
import org.reintegra.referral.ReferralService;
import org.reintegra.referral.ServiceType;
import org.reintegra.catalogue.DirectoryEntry;
import org.reintegra.catalogue.ServiceDirectory;

/**
 * An officer drafts a referral: picks one of the agency's clients or registers a new one, chooses
 * the partner and the service, and writes the reason, needs, risk summary, desired outcomes and
 * legal basis. The draft opens on its referral page, where it is sent.
 *
 * <p>With a draft's id ({@code referrals/new/42}) the same form edits that draft and saves every
 * change as it is made (autosave): client and partner stay as drafted. Input is checked here and
 * again by the services; a refused input marks its field and keeps everything typed.
 */
@Route(value = "referrals/new", layout = MainLayout.class)
@RolesAllowed(Roles.AGENCY_OFFICER)
public class NewReferralView extends VerticalLayout implements HasDynamicTitle, HasUrlParameter<Long> {

    private static final long serialVersionUID = 1L;
    private static final List<String> LANGUAGES = List.of("ka", "ru", "ky", "kk", "en");

    private final transient ReferralService referrals;
    private final transient ClientService clients;
    private final transient ServiceDirectory directory;

    private final ComboBox<ClientSummary> existingClient = new ComboBox<>();
    private final TextField reference = new TextField();
    private final TextField givenName = new TextField();
    private final TextField familyName = new TextField();
    private final DatePicker dateOfBirth = new DatePicker();
    private final Select<Sex> sex = new Select<>();
    private final Select<String> language = new Select<>();
    private final TextField phone = new TextField();
    private final EmailField email = new EmailField();
    private final Select<DirectoryEntry> partner = new Select<>();
    private final Select<ProgrammeArea> programme = new Select<>();
    private final Select<ServiceType> service = new Select<>();
    private final ReferralTermsFields terms;
    private final Span autosaveStatus = new Span();

    /** The draft being edited (autosaved), or null for a new referral. */
    private Long draftId;
    private long draftVersion;
    private boolean filling;

    @Inject
    public NewReferralView(ReferralService referrals, ClientService clients, ServiceDirectory directory) {
        this.referrals = referrals;
        this.clients = clients;
        this.directory = directory;
        this.terms = new ReferralTermsFields(this::getTranslation, "referral-");
        setMaxWidth("60em");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long draft) {
        removeAll();
        if (draft == null) {
            draftId = null;
            buildNewForm();
            return;
        }
        Optional<ReferralDetails> found = referrals.findReferral(draft).filter(ReferralDetails::editableDraft);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        buildDraftEditor(found.get());
    }

    private void buildNewForm() {
        H2 heading = new H2(getTranslation("new-referral.title"));
        heading.setId("new-referral-heading");

        existingClient.setId("existing-client");
        existingClient.setLabel(getTranslation("new-referral.existing-client"));
        existingClient.setItemLabelGenerator(ClientSummary::displayName);
        java.util.Locale reader = getLocale();
        existingClient.setItems(query -> clients.findClients(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit(), reader).stream());
        existingClient.setClearButtonVisible(true);
        existingClient.setWidthFull();

        text(reference, "new-client-reference", "client.reference", 40);
        text(givenName, "new-client-given-name", "client.given-name", 100);
        text(familyName, "new-client-family-name", "client.family-name", 100);
        dateOfBirth.setId("new-client-date-of-birth");
        dateOfBirth.setLabel(getTranslation("referral.date-of-birth"));
        dateOfBirth.setMax(LocalDate.now().minusYears(10));
        sex.setId("new-client-sex");
        sex.setLabel(getTranslation("referral.sex"));
        sex.setItems(Sex.values());
        sex.setItemLabelGenerator(s -> getTranslation("sex." + s.name()));
        language.setId("new-client-language");
        language.setLabel(getTranslation("referral.language"));
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        text(phone, "new-client-phone", "client.phone", 40);
        email.setId("new-client-email");
        email.setLabel(getTranslation("client.email"));
        FormLayout newClient = new FormLayout(reference, givenName, familyName, dateOfBirth, sex, language, phone, email);

        partner.setId("referral-partner");
        partner.setLabel(getTranslation("referral.partner"));
        partner.setItemLabelGenerator(entry -> entry == null ? "" : getTranslation("new-referral.partner.label",
                entry.partnerName(), entry.locations(), eligibility(entry), entry.places() == null ? "—" : entry.places()));
        partner.setHelperText(getTranslation("new-referral.partner.choose-service-first"));
        prepareServiceFields();
        service.addValueChangeListener(e -> offerPartnersFor(e.getValue()));

        Button save = new Button(getTranslation("new-referral.save-draft"), click -> saveDraft(false));
        save.setId("save-draft");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(heading, new H3(getTranslation("new-referral.client")), existingClient,
                new Paragraph(getTranslation("new-referral.or-register")), newClient,
                new H3(getTranslation("new-referral.referral")), terms.layout(programme, service, partner), save);
    }

    /**
     * The partners that publish the chosen service in the catalogue, each with where it is
     * delivered, for whom and how many places; the choice is kept when the partner still fits.
     */
    private void offerPartnersFor(ServiceType chosen) {
        DirectoryEntry before = partner.getValue();
        java.util.Map<String, DirectoryEntry> choices = new java.util.LinkedHashMap<>();
        if (chosen != null) {
            for (DirectoryEntry entry : directory.offering(chosen)) {
                choices.putIfAbsent(entry.partnerName(), entry); // one line per partner: its first entry for the service
            }
        }
        partner.setItems(choices.values());
        partner.setHelperText(chosen == null ? getTranslation("new-referral.partner.choose-service-first")
                : choices.isEmpty() ? getTranslation("new-referral.partner.none") : null);
        if (before != null && choices.containsKey(before.partnerName())) {
            partner.setValue(choices.get(before.partnerName()));
        }
    }

    private String eligibility(DirectoryEntry entry) {
        String ages = entry.minAge() == null && entry.maxAge() == null ? getTranslation("catalogue.any-age")
                : (entry.minAge() == null ? "" : entry.minAge()) + "–" + (entry.maxAge() == null ? "" : entry.maxAge());
        return ages + ", " + getTranslation("custody-served." + entry.custody().name());
    }


    private void prepareServiceFields() {
        programme.setId("referral-programme");
        programme.setLabel(getTranslation("referral.programme"));
        programme.setItems(ProgrammeArea.values());
        programme.setItemLabelGenerator(p -> p == null ? "" : getTranslation("programme." + p.name()));
        service.setId("referral-service");
        service.setLabel(getTranslation("referral.service"));
        service.setItems(ServiceType.values());
        service.setItemLabelGenerator(s -> s == null ? "" : getTranslation("service." + s.name()));
        service.addValueChangeListener(e -> terms.offerOutcomesOf(e.getValue()));
    }

    /** The draft's own form: client and partner fixed, every other change saved as it is made. */
    private void buildDraftEditor(ReferralDetails draft) {
        draftId = draft.id();
        draftVersion = draft.version();
        H2 heading = new H2(getTranslation("draft.title", draft.reference()));
        heading.setId("new-referral-heading");
        Paragraph fixed = new Paragraph(getTranslation("draft.fixed", draft.clientName(), draft.partnerName()));
        fixed.setId("draft-fixed");
        prepareServiceFields();
        filling = true;
        programme.setValue(draft.programmeArea());
        service.setValue(draft.serviceType());
        terms.fill(draft);
        filling = false;
        for (var field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(programme, service)) {
            field.addValueChangeListener(e -> autosave());
        }
        terms.all().forEach(field -> field.addValueChangeListener(e -> autosave()));
        autosaveStatus.setId("autosave-status");
        autosaveStatus.setText(getTranslation("draft.autosave-on"));
        autosaveStatus.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button done = new Button(getTranslation("draft.done"),
                click -> getUI().ifPresent(ui -> ui.navigate(ReferralView.class, draftId)));
        done.setId("draft-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(heading, fixed, terms.layout(programme, service), new HorizontalLayout(done, autosaveStatus));
    }

    /** Saves the draft as it stands; a refused field is marked and nothing else is lost. */
    private void autosave() {
        if (filling || draftId == null || programme.getValue() == null || service.getValue() == null) {
            return;
        }
        try {
            ReferralDetails saved = referrals.reviseDraft(draftId, draftVersion,
                    terms.draft(programme.getValue(), service.getValue()));
            draftVersion = saved.version();
            fields().values().forEach(field -> field.setInvalid(false));
            autosaveStatus.setText(getTranslation("draft.saved-at",
                    DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(getLocale()).format(LocalTime.now())));
        } catch (InputRejected rejected) {
            markInvalid(fields().get(rejected.field()), rejected.messageKey());
            autosaveStatus.setText(getTranslation("draft.not-saved"));
        } catch (ReferralChangedMeanwhile conflict) {
            autosaveStatus.setText(getTranslation("draft.changed-meanwhile"));
        }
    }

    private void text(TextField field, String id, String labelKey, int maxLength) {
        field.setId(id);
        field.setLabel(getTranslation(labelKey));
        field.setMaxLength(maxLength);
    }

    /** Checks the form, registers the client if new, warns of a duplicate, then drafts. */
    private void saveDraft(boolean duplicateConfirmed) {
        if (!formComplete()) {
            return;
        }
        try {
            ClientSummary client = existingClient.getValue();
            if (client == null) {
                client = clients.registerClient(new NewClient(reference.getValue(), givenName.getValue(),
                        familyName.getValue(), dateOfBirth.getValue(), sex.getValue(), language.getValue(),
                        phone.getValue(), email.getValue()));
                // registered: from now on the form refers to the stored client, so a retry cannot register it twice
                existingClient.setItems(List.of(client));
                existingClient.setValue(client);
            }
            if (!duplicateConfirmed) {
                List<String> open = referrals.openReferralsForSameService(client.id(), service.getValue());
                if (!open.isEmpty()) {
                    confirmDuplicate(open);
                    return;
                }
            }
            ReferralDetails draft = referrals.draftReferral(client.id(), partner.getValue().partner(),
                    terms.draft(programme.getValue(), service.getValue()));
            getUI().ifPresent(ui -> ui.navigate(ReferralView.class, draft.id()));
        } catch (InputRejected rejected) {
            markInvalid(fields().get(rejected.field()), rejected.messageKey());
        }
    }

    private void confirmDuplicate(List<String> open) {
        Dialog dialog = new Dialog();
        dialog.setId("duplicate-warning");
        dialog.setHeaderTitle(getTranslation("new-referral.duplicate.title"));
        dialog.add(new Paragraph(getTranslation("new-referral.duplicate.text", String.join(", ", open))));
        Button proceed = new Button(getTranslation("new-referral.duplicate.proceed"), click -> {
            dialog.close();
            saveDraft(true);
        });
        proceed.setId("duplicate-proceed");
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.getFooter().add(cancel, proceed);
        dialog.open();
    }

    /** Form-side checks, with a message on each incomplete field. */
    private boolean formComplete() {
        List<HasValidation> missing = new ArrayList<>(terms.incomplete());
        if (existingClient.getValue() == null) {
            require(missing, reference, reference.getValue().isBlank());
            require(missing, givenName, givenName.getValue().isBlank());
            require(missing, familyName, familyName.getValue().isBlank());
            require(missing, dateOfBirth, dateOfBirth.getValue() == null || dateOfBirth.isInvalid());
            require(missing, sex, sex.getValue() == null);
        }
        require(missing, partner, partner.getValue() == null);
        require(missing, programme, programme.getValue() == null);
        require(missing, service, service.getValue() == null);
        return missing.isEmpty();
    }

    private void require(List<HasValidation> missing, HasValidation field, boolean isMissing) {
        field.setInvalid(isMissing);
        if (isMissing) {
            field.setErrorMessage(getTranslation("field.required"));
            missing.add(field);
        }
    }

    private void markInvalid(HasValidation field, String messageKey) {
        if (field != null) {
            field.setErrorMessage(getTranslation(messageKey));
            field.setInvalid(true);
        }
    }

    /** The form field for each input the services may refuse. */
    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>(terms.byInputName());
        fields.putAll(Map.ofEntries(Map.entry("reference", reference), Map.entry("givenName", givenName),
                Map.entry("familyName", familyName), Map.entry("dateOfBirth", dateOfBirth), Map.entry("sex", sex),
                Map.entry("email", email), Map.entry("client", existingClient), Map.entry("partner", partner),
                Map.entry("programmeArea", programme), Map.entry("serviceType", service)));
        return fields;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(draftId == null ? "new-referral.title" : "draft.page-title");
    }
}
