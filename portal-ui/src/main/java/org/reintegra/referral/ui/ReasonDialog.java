package org.reintegra.referral.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Asks why: an optional coded reason and an explanation. The confirm button stays until the input
 * is complete; what was typed is kept when the input is refused, nothing is lost.
 *
 * @param <R> the coded reasons, or {@code Void} for an explanation only
 */
class ReasonDialog<R> extends Dialog {

    private static final long serialVersionUID = 1L;

    private final Select<R> reason = new Select<>();
    private final TextArea explanation = new TextArea();
    private final boolean coded;

    /**
     * @param reasons         the coded reasons to choose from, empty for none
     * @param label           how a reason reads on screen
     * @param needsExplaining which reasons need an explanation (for none: whether it is always needed)
     * @param onConfirm       gets the chosen reason (null when none) and the explanation
     */
    ReasonDialog(String title, String confirmLabel, List<R> reasons, Function<R, String> label,
                 Predicate<R> needsExplaining, BiConsumer<R, String> onConfirm) {
        this.coded = !reasons.isEmpty();
        setHeaderTitle(title);
        setId("reason-dialog");
        reason.setId("reason-code");
        reason.setLabel(getTranslation("field.reason"));
        reason.setItems(reasons);
        reason.setItemLabelGenerator(label::apply);
        reason.setWidthFull();
        explanation.setId("reason-text");
        explanation.setLabel(getTranslation("field.explanation"));
        explanation.setMaxLength(2000);
        explanation.setWidthFull();
        if (coded) {
            add(reason);
        }
        add(explanation);

        Button confirm = new Button(confirmLabel, click -> {
            R chosen = coded ? reason.getValue() : null;
            if (coded && chosen == null) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("field.reason.required"));
                return;
            }
            if (needsExplaining.test(chosen) && explanation.getValue().isBlank()) {
                explanation.setInvalid(true);
                explanation.setErrorMessage(getTranslation("field.explanation.required"));
                return;
            }
            onConfirm.accept(chosen, explanation.getValue());
            close();
        });
        confirm.setId("reason-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, confirm);
        setWidth("32em");
    }
}
