package org.reintegra.referral.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import org.reintegra.access.InputRejected;
import org.reintegra.referral.ReferralDetails;
import org.reintegra.referral.ReferralDraft;

/**
 * The officer amends a sent referral: the terms as they stand, changed in place, and the reason for
 * the amendment. Refused input marks its field and keeps the dialog open with everything typed.
 */
class AmendReferralDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient ReferralTermsFields terms;
    private final TextArea why = new TextArea();

    /** Receives the amended terms and the reason; throws InputRejected to keep the dialog open. */
    interface Amendment {
        void apply(ReferralDraft terms, String reason);
    }

    AmendReferralDialog(ReferralDetails referral, Amendment amendment) {
        setId("amend-dialog");
        setHeaderTitle(getTranslation("dialog.amend.title", referral.reference()));
        setWidth("56em");
        terms = new ReferralTermsFields(this::getTranslation, "amend-");
        terms.fill(referral);
        why.setId("amend-why");
        why.setLabel(getTranslation("dialog.amend.why"));
        why.setMaxLength(2000);
        why.setWidthFull();
        add(new Paragraph(getTranslation("dialog.amend.text")), terms.layout(), why);
        Button save = new Button(getTranslation("action.amend"), click -> save(referral, amendment));
        save.setId("amend-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, save);
    }

    private void save(ReferralDetails referral, Amendment amendment) {
        List<HasValidation> missing = new ArrayList<>(terms.incomplete());
        why.setInvalid(why.getValue().isBlank());
        if (why.isInvalid()) {
            why.setErrorMessage(getTranslation("field.required"));
            missing.add(why);
        }
        if (!missing.isEmpty()) {
            return;
        }
        ReferralDraft amended = terms.draft(referral.programmeArea(), referral.serviceType());
        try {
            amendment.apply(amended, why.getValue());
            close();
        } catch (InputRejected rejected) {
            HasValidation field = "reason".equals(rejected.field()) ? why : terms.byInputName().get(rejected.field());
            if (field != null) {
                field.setErrorMessage(getTranslation(rejected.messageKey()));
                field.setInvalid(true);
            }
        }
    }
}
