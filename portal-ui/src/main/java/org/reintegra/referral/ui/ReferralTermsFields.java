package org.reintegra.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reintegra.referral.CustodyStatus;
import org.reintegra.referral.DesiredOutcome;
import org.reintegra.referral.LegalBasis;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.ReferralDetails;
import org.reintegra.referral.ReferralDraft;
import org.reintegra.referral.ServiceType;

/**
 * The terms of a referral the agency writes and may later amend: reason, risk summary, desired
 * outcomes (those of the chosen service), custody and release date, deadline, legal basis and
 * consent, sending office. Used by the new-referral form, the draft editor and the amend dialog.
 */
class ReferralTermsFields {

    final TextArea reason = new TextArea();
    final TextArea risk = new TextArea();
    final MultiSelectComboBox<DesiredOutcome> outcomes = new MultiSelectComboBox<>();
    final Select<CustodyStatus> custody = new Select<>();
    final DatePicker releaseDate = new DatePicker();
    final DatePicker deadline = new DatePicker();
    final Select<LegalBasis> legalBasis = new Select<>();
    final DatePicker consentDate = new DatePicker();
    final TextField office = new TextField();
    final TextArea healthNotes = new TextArea();
    final TextArea legalDetails = new TextArea();

    private final Translator translator;

    /** Translations of the component that shows the fields. */
    interface Translator {
        String translate(String key, Object... params);
    }

    ReferralTermsFields(Translator translator, String idPrefix) {
        this.translator = translator;
        reason.setId(idPrefix + "reason");
        reason.setLabel(t("referral.reason"));
        reason.setMaxLength(4000);
        reason.setValueChangeMode(ValueChangeMode.ON_BLUR);
        risk.setId(idPrefix + "risk");
        risk.setLabel(t("referral.risk-summary"));
        risk.setMaxLength(4000);
        risk.setValueChangeMode(ValueChangeMode.ON_BLUR);
        outcomes.setId(idPrefix + "outcomes");
        outcomes.setLabel(t("referral.desired-outcomes"));
        outcomes.setItemLabelGenerator(o -> t("outcome." + o.name()));
        outcomes.setHelperText(t("referral.desired-outcomes.help"));
        custody.setId(idPrefix + "custody");
        custody.setLabel(t("referral.custody"));
        custody.setItems(CustodyStatus.values());
        custody.setEmptySelectionAllowed(true);
        custody.setItemLabelGenerator(c -> c == null ? "" : t("custody." + c.name()));
        releaseDate.setId(idPrefix + "release-date");
        releaseDate.setLabel(t("referral.release-date"));
        deadline.setId(idPrefix + "deadline");
        deadline.setLabel(t("referral.deadline"));
        deadline.setMin(LocalDate.now());
        legalBasis.setId(idPrefix + "legal-basis");
        legalBasis.setLabel(t("referral.legal-basis"));
        legalBasis.setItems(LegalBasis.values());
        legalBasis.setEmptySelectionAllowed(true);
        legalBasis.setItemLabelGenerator(b -> b == null ? "" : t("legal-basis." + b.name()));
        consentDate.setId(idPrefix + "consent-date");
        consentDate.setLabel(t("referral.consent-date"));
        consentDate.setMax(LocalDate.now());
        consentDate.setVisible(false);
        legalBasis.addValueChangeListener(e -> consentDate.setVisible(e.getValue() != null && e.getValue().needsConsent()));
        office.setId(idPrefix + "office");
        office.setLabel(t("referral.office"));
        office.setMaxLength(200);
        office.setValueChangeMode(ValueChangeMode.ON_BLUR);
        healthNotes.setId(idPrefix + "health-notes");
        healthNotes.setLabel(t("referral.health-notes"));
        healthNotes.setHelperText(t("referral.health-notes.help"));
        healthNotes.setMaxLength(4000);
        healthNotes.setValueChangeMode(ValueChangeMode.ON_BLUR);
        legalDetails.setId(idPrefix + "legal-details");
        legalDetails.setLabel(t("referral.legal-case-details"));
        legalDetails.setHelperText(t("referral.legal-case-details.help"));
        legalDetails.setMaxLength(4000);
        legalDetails.setValueChangeMode(ValueChangeMode.ON_BLUR);
    }

    private String t(String key) {
        return translator.translate(key);
    }

    /** Offers the outcomes of the service (keeping those chosen that still fit). */
    void offerOutcomesOf(ServiceType service) {
        Set<DesiredOutcome> kept = EnumSet.noneOf(DesiredOutcome.class);
        kept.addAll(outcomes.getValue());
        List<DesiredOutcome> offered = service == null ? List.of() : DesiredOutcome.forService(service);
        outcomes.setItems(offered);
        kept.retainAll(offered);
        outcomes.setValue(kept);
    }

    /** Lays the fields out (all of them: only the agency writes the terms). */
    FormLayout layout(Component... before) {
        FormLayout form = new FormLayout(before);
        form.add(custody, releaseDate, deadline, office, legalBasis, consentDate);
        form.add(outcomes, 2);
        form.add(reason, 2);
        form.add(risk, 2);
        form.add(healthNotes, 2);
        form.add(legalDetails, 2);
        return form;
    }

    void fill(ReferralDetails referral) {
        offerOutcomesOf(referral.serviceType());
        reason.setValue(orEmpty(referral.reasonForReferral()));
        risk.setValue(orEmpty(referral.riskSummary()));
        outcomes.setValue(referral.desiredOutcomes());
        custody.setValue(referral.custodyStatus());
        releaseDate.setValue(referral.releaseDate());
        deadline.setMin(null);
        deadline.setValue(referral.completionDeadline());
        legalBasis.setValue(referral.legalBasis());
        consentDate.setValue(referral.consentRecordedOn());
        office.setValue(orEmpty(referral.sendingOffice()));
        healthNotes.setValue(orEmpty(referral.healthNotes()));
        legalDetails.setValue(orEmpty(referral.legalCaseDetails()));
    }

    ReferralDraft draft(ProgrammeArea programme, ServiceType service) {
        return new ReferralDraft(programme, service, reason.getValue(), blankToNull(risk.getValue()),
                outcomes.getValue(), custody.getValue(), releaseDate.getValue(), deadline.getValue(),
                legalBasis.getValue(), legalBasis.getValue() != null && legalBasis.getValue().needsConsent()
                        ? consentDate.getValue() : null, blankToNull(office.getValue()),
                blankToNull(healthNotes.getValue()), blankToNull(legalDetails.getValue()));
    }

    /** Form-side checks of the terms; each incomplete field gets a message. */
    List<HasValidation> incomplete() {
        List<HasValidation> missing = new ArrayList<>();
        mark(missing, reason, reason.getValue().isBlank());
        mark(missing, releaseDate, custody.getValue() == CustodyStatus.IN_CUSTODY && releaseDate.getValue() == null);
        mark(missing, consentDate, legalBasis.getValue() != null && legalBasis.getValue().needsConsent()
                && consentDate.getValue() == null);
        return missing;
    }

    private void mark(List<HasValidation> missing, HasValidation field, boolean isMissing) {
        field.setInvalid(isMissing);
        if (isMissing) {
            field.setErrorMessage(t("field.required"));
            missing.add(field);
        }
    }

    /** The field of each input name the services may refuse. */
    Map<String, HasValidation> byInputName() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("reasonForReferral", reason);
        fields.put("riskSummary", risk);
        fields.put("desiredOutcomes", outcomes);
        fields.put("releaseDate", releaseDate);
        fields.put("completionDeadline", deadline);
        fields.put("legalBasis", legalBasis);
        fields.put("consentRecordedOn", consentDate);
        fields.put("sendingOffice", office);
        fields.put("healthNotes", healthNotes);
        fields.put("legalCaseDetails", legalDetails);
        return fields;
    }

    /** Every field, to listen for changes (autosave). */
    List<HasValue<?, ?>> all() {
        return List.of(reason, risk, outcomes, custody, releaseDate, deadline, legalBasis, consentDate, office,
                healthNotes, legalDetails);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
