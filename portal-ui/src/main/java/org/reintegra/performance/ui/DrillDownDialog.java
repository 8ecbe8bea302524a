package org.reintegra.performance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.reintegra.performance.Dimension;
import org.reintegra.performance.DrillDown;
import org.reintegra.performance.MeasuredReferral;
import org.reintegra.performance.PerformanceFilter;
import org.reintegra.performance.PerformanceService;
import org.reintegra.performance.export.PerformanceText;
import org.reintegra.referral.ui.ReferralView;

/**
 * The referrals behind one figure, a page at a time from the service (each row shown is audited).
 * The agency's liaison officer sees clients' names and opens the referral; a partner sees
 * references only.
 */
class DrillDownDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    DrillDownDialog(PerformanceService performance, PerformanceFilter filter, DrillDown drill, String title,
                    boolean agency, PerformanceText text) {
        setHeaderTitle(title);
        setId("drill-down");
        setWidth("min(70rem, 95vw)");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(text.locale());
        Grid<MeasuredReferral> grid = new Grid<>();
        grid.setId("drill-down-grid");
        if (agency) {
            grid.addComponentColumn(row -> new RouterLink(row.reference(), ReferralView.class, row.referralId()))
                    .setHeader(text.t("referral.reference")).setAutoWidth(true);
            grid.addColumn(MeasuredReferral::clientName).setHeader(text.t("referral.client")).setAutoWidth(true);
        } else {
            grid.addColumn(MeasuredReferral::reference).setHeader(text.t("referral.reference")).setAutoWidth(true);
        }
        grid.addColumn(MeasuredReferral::organisationName).setHeader(text.t("referral.counterpart")).setAutoWidth(true);
        grid.addColumn(row -> text.group(Dimension.SERVICE, row.service(), null)).setHeader(text.t("referral.service"))
                .setAutoWidth(true);
        grid.addColumn(row -> text.t("status." + row.status())).setHeader(text.t("referral.status")).setAutoWidth(true);
        grid.addColumn(row -> date.format(row.sentAt().atZone(ZoneOffset.UTC).toLocalDate()))
                .setHeader(text.t("performance.export.sent")).setAutoWidth(true);
        long total = performance.countBehind(filter, drill);
        grid.setItems(query -> performance.referralsBehind(filter, drill, query.getOffset(), query.getLimit()).stream());
        grid.setHeight("28rem");
        Span count = new Span(text.t("performance.referrals-behind", total));
        count.setId("drill-down-count");
        add(count, grid);
        Button close = new Button(text.t("performance.close"), click -> close());
        close.setId("drill-down-close");
        getFooter().add(close);
    }
}
