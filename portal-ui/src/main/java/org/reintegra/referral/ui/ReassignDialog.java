package org.reintegra.referral.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.reintegra.access.InputRejected;
import org.reintegra.staff.StaffSummary;

/**
 * The partner hands a referral to another caseworker, or to nobody (it then waits in Unassigned),
 * with the reason. The colleagues offered are those the portal knows from their sign-ins.
 */
class ReassignDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final StaffSummary NOBODY = new StaffSummary("", "");

    /** Receives the chosen caseworker (null: nobody) and the reason; throws InputRejected to stay open. */
    interface Reassignment {
        void apply(String caseworker, String reason);
    }

    ReassignDialog(String reference, String current, List<StaffSummary> colleagues, Reassignment reassignment) {
        setId("reassign-dialog");
        setHeaderTitle(getTranslation("dialog.reassign.title", reference));
        Select<StaffSummary> caseworker = new Select<>();
        caseworker.setId("reassign-caseworker");
        caseworker.setLabel(getTranslation("dialog.reassign.to"));
        List<StaffSummary> choices = new ArrayList<>();
        choices.add(NOBODY);
        colleagues.stream().filter(c -> !Objects.equals(c.username(), current)).forEach(choices::add);
        caseworker.setItems(choices);
        caseworker.setItemLabelGenerator(c -> c == null ? "" : c == NOBODY ? getTranslation("dialog.reassign.nobody")
                : c.displayName() + " (" + c.username() + ")");
        TextArea why = new TextArea(getTranslation("dialog.reassign.why"));
        why.setId("reassign-why");
        why.setMaxLength(2000);
        why.setWidthFull();
        add(caseworker, why);
        Button save = new Button(getTranslation("action.reassign"), click -> {
            caseworker.setInvalid(caseworker.getValue() == null);
            why.setInvalid(why.getValue().isBlank());
            caseworker.setErrorMessage(getTranslation("field.required"));
            why.setErrorMessage(getTranslation("field.required"));
            if (caseworker.isInvalid() || why.isInvalid()) {
                return;
            }
            try {
                reassignment.apply(caseworker.getValue() == NOBODY ? null : caseworker.getValue().username(),
                        why.getValue());
                close();
            } catch (InputRejected rejected) {
                var field = "reason".equals(rejected.field()) ? why : caseworker;
                field.setErrorMessage(getTranslation(rejected.messageKey()));
                field.setInvalid(true);
            }
        });
        save.setId("reassign-confirm");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }
}
