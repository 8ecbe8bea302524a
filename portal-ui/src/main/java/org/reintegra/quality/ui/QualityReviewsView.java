package org.reintegra.quality.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.performance.PerformanceService;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.quality.QualityReviewService;
import org.reintegra.quality.ReviewSummary;

/**
 * Quality reviews: an agency's liaison officer starts reviews of partners and follows them; a
 * partner's admin sees the reviews of its work. Opening a row shows the review.
 */
@Route(value = "quality", layout = MainLayout.class)
@RolesAllowed({Roles.AGENCY_LIAISON, Roles.PARTNER_ADMIN})
public class QualityReviewsView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient QualityReviewService reviews;

    @Inject
    public QualityReviewsView(QualityReviewService reviews, PerformanceService performance) {
        this.reviews = reviews;
        H2 heading = new H2(getTranslation("quality.title"));
        heading.setId("quality-heading");
        add(heading);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<ReviewSummary> grid = new Grid<>();
        grid.setId("quality-reviews");
        grid.addColumn(ReviewSummary::title).setHeader(getTranslation("quality.review-title")).setFlexGrow(2);
        grid.addColumn(ReviewSummary::organisationName).setHeader(getTranslation("referral.counterpart")).setAutoWidth(true);
        grid.addColumn(r -> date.format(r.periodFrom()) + " – " + date.format(r.periodTo()))
                .setHeader(getTranslation("quality.period")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("quality.status." + r.status().name()))
                .setHeader(getTranslation("referral.status")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("quality.checked-of", r.checked(), r.sampled()))
                .setHeader(getTranslation("quality.sample")).setAutoWidth(true);
        grid.addColumn(ReviewSummary::findingsNotClosed).setHeader(getTranslation("quality.findings-open-count"))
                .setAutoWidth(true);
        grid.setItems(reviews.reviews());
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate(QualityReviewView.class, click.getItem().id())));
        if (reviews.reviewer()) {
            add(newReview(performance));
        }
        add(grid);
    }

    private VerticalLayout newReview(PerformanceService performance) {
        ComboBox<OrganisationSummary> partner = new ComboBox<>(getTranslation("performance.partner"));
        partner.setId("quality-partner");
        partner.setItems(performance.counterparts());
        partner.setItemLabelGenerator(OrganisationSummary::name);
        TextField title = new TextField(getTranslation("quality.review-title"));
        title.setId("quality-title");
        title.setMaxLength(200);
        DatePicker from = new DatePicker(getTranslation("quality.closed-from"), LocalDate.now().minusMonths(6));
        from.setId("quality-from");
        DatePicker to = new DatePicker(getTranslation("quality.closed-to"), LocalDate.now());
        to.setId("quality-to");
        IntegerField size = new IntegerField(getTranslation("quality.sample-size"));
        size.setId("quality-sample-size");
        size.setMin(1);
        size.setMax(50);
        size.setValue(10);
        size.setStepButtonsVisible(true);
        Button start = new Button(getTranslation("quality.start"), click -> {
            try {
                long id = reviews.start(partner.getValue(),
                        title.getValue(), from.getValue(), to.getValue(), size.getValue() == null ? 0 : size.getValue());
                click.getSource().getUI().ifPresent(ui -> ui.navigate(QualityReviewView.class, id));
            } catch (InputRejected rejected) {
                Notification shown = Notification.show(getTranslation(rejected.messageKey()), 6000,
                        Notification.Position.TOP_CENTER);
                shown.addThemeVariants(NotificationVariant.LUMO_ERROR);
                shown.setId("quality-notice");
            }
        });
        start.setId("quality-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(partner, title, from, to, size);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("quality.new")), form, start);
        box.setPadding(false);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("quality.title");
    }
}
