package org.reintegra.delivery.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.reintegra.access.InputRejected;
import org.reintegra.delivery.CardEntry;
import org.reintegra.delivery.CardService;
import org.reintegra.delivery.CardType;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;

/** A referral's ID or transport card: requested, then issued; the number is shown masked only. */
public class CardsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient CardService cards;
    private final transient Runnable changed;

    public CardsPanel(CardService cards, long referralId, CardType type, boolean mayRecord, Runnable changed) {
        this.cards = cards;
        this.changed = changed;
        setId("referral-cards");
        setPadding(false);
        List<CardEntry> found = cards.cardsOf(referralId);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<CardEntry> grid = new Grid<>(CardEntry.class, false);
        grid.setId("cards-grid");
        grid.addColumn(c -> getTranslation("card-type." + c.type().name())).setHeader(getTranslation("card.type"));
        grid.addColumn(c -> date.format(c.requestedOn())).setHeader(getTranslation("card.requested-on"));
        grid.addColumn(c -> c.issuedOn() == null ? "—" : date.format(c.issuedOn())).setHeader(getTranslation("card.issued-on"));
        grid.addColumn(c -> c.maskedNumber() == null ? "—" : c.maskedNumber()).setHeader(getTranslation("card.number"));
        if (mayRecord) {
            grid.addComponentColumn(c -> {
                if (c.issuedOn() != null) {
                    return new Span();
                }
                Button issue = new Button(getTranslation("card.record-issue"), click -> issue(c));
                issue.setId("card-issue");
                return issue;
            });
        }
        grid.setItems(found);
        grid.setAllRowsVisible(true);
        add(found.isEmpty() ? new Span(getTranslation("card.none")) : grid);
        if (mayRecord && found.isEmpty()) {
            DatePicker requested = new DatePicker(getTranslation("card.requested-on"), LocalDate.now());
            requested.setId("card-requested-on");
            Button request = new Button(getTranslation("card.record-request", getTranslation("card-type." + type.name())),
                    click -> {
                        try {
                            cards.requestCard(referralId, type, requested.getValue());
                            Notices.success(getTranslation("card.saved"));
                        } catch (InputRejected refused) {
                            Notices.error(getTranslation(refused.messageKey()));
                        }
                        changed.run();
                    });
            request.setId("card-request");
            add(new com.vaadin.flow.component.orderedlayout.HorizontalLayout(requested, request));
        }
    }

    private void issue(CardEntry card) {
        Dialog dialog = new Dialog();
        dialog.setId("card-issue-dialog");
        dialog.setHeaderTitle(getTranslation("card.record-issue"));
        DatePicker issued = new DatePicker(getTranslation("card.issued-on"), LocalDate.now());
        issued.setId("card-issued-on");
        TextField number = new TextField(getTranslation("card.number"));
        number.setId("card-number");
        number.setMaxLength(40);
        dialog.add(new VerticalLayout(issued, number));
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                cards.issueCard(card.id(), card.version(), issued.getValue(), number.getValue());
                dialog.close();
                Notices.success(getTranslation("card.saved"));
                changed.run();
            } catch (ReferralChangedMeanwhile | ReferralNotFound gone) {
                dialog.close();
                Notices.warn(getTranslation("notice.changed-meanwhile"));
                changed.run();
            } catch (InputRejected refused) {
                SessionForm.mark("documentNumber".equals(refused.field()) ? number : issued,
                        getTranslation(refused.messageKey()));
            }
        });
        save.setId("card-issue-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }
}
