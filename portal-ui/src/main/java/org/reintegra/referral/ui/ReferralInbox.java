package org.reintegra.referral.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LocalDateRenderer;
import com.vaadin.flow.data.renderer.LocalDateTimeRenderer;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.reintegra.referral.InboxQuery;
import org.reintegra.referral.InboxView;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.ReferralService;
import org.reintegra.referral.ReferralSummary;

/**
 * The organisation's referral list: views as tabs with their counts, a search by client name or
 * reference, and a lazy grid that fetches one page at a time from {@link ReferralService}
 * (indexed, newest change first). A click opens the referral.
 */
public class ReferralInbox extends VerticalLayout {

    /** Rows per page of the list (Vaadin's default is 50). */
    static final int PAGE_SIZE = 25;

    private static final long serialVersionUID = 1L;

    private final Grid<ReferralSummary> grid = new Grid<>(ReferralSummary.class, false);
    private final transient ReferralService referrals;
    private final Tabs views = new Tabs();
    private final Map<Tab, InboxView> viewOfTab = new LinkedHashMap<>();
    private final TextField search = new TextField();
    private InboxQuery query = InboxQuery.all();

    @Inject
    public ReferralInbox(ReferralService referrals) {
        this.referrals = referrals;
        setPadding(false);
        setSizeFull();
        H3 title = new H3(getTranslation("inbox.title"));
        views.setId("inbox-views");
        for (InboxView view : referrals.inboxViews()) {
            Tab tab = new Tab();
            tab.setId("inbox-view-" + view.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            viewOfTab.put(tab, view);
            views.add(tab);
        }
        views.addSelectedChangeListener(change -> {
            query = query.withView(viewOfTab.getOrDefault(change.getSelectedTab(), InboxView.ALL));
            grid.getDataProvider().refreshAll();
        });
        search.setId("inbox-search");
        search.setPlaceholder(getTranslation("inbox.search"));
        search.setAriaLabel(getTranslation("inbox.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(100);
        search.setWidth("24em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> {
            query = query.withSearch(change.getValue());
            grid.getDataProvider().refreshAll();
            refreshCounts();
        });
        grid.setId("referral-inbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ReferralSummary::reference).setHeader(getTranslation("referral.reference")).setAutoWidth(true)
                .setKey("reference");
        grid.addColumn(ReferralSummary::clientName).setHeader(getTranslation("referral.client")).setAutoWidth(true)
                .setKey("client");
        grid.addColumn(r -> getTranslation("programme." + r.programmeArea().name()))
                .setHeader(getTranslation("referral.programme")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("service." + r.serviceType().name()))
                .setHeader(getTranslation("referral.service")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("status." + r.status().name()))
                .setHeader(getTranslation("referral.status")).setAutoWidth(true).setKey("status");
        grid.addColumn(ReferralSummary::counterpartName).setHeader(getTranslation("referral.counterpart"))
                .setAutoWidth(true);
        grid.addColumn(new LocalDateTimeRenderer<>(r -> r.sentAt() == null ? null
                : LocalDateTime.ofInstant(r.sentAt(), ZoneId.systemDefault()),
                () -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())))
                .setHeader(getTranslation("referral.sent")).setAutoWidth(true);
        grid.addColumn(new LocalDateTimeRenderer<>(r -> LocalDateTime.ofInstant(r.statusChangedAt(), ZoneId.systemDefault()),
                () -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())))
                .setHeader(getTranslation("referral.changed")).setAutoWidth(true);
        grid.addColumn(new LocalDateRenderer<>(ReferralSummary::completionDeadline,
                () -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())))
                .setHeader(getTranslation("referral.deadline")).setAutoWidth(true);
        // No count query behind the grid: its size grows as the list is scrolled (the view's tab shows
        // the count). Counting an agency's half a million referrals once more per opening cost as
        // much as all the tabs' counts together (docs/benchmarks.md, the load driver).
        grid.setItems(page -> referrals.inboxPage(query, page.getOffset(), page.getLimit()).stream());
        // A page is about a screenful: every row sent is read, audited and kept for the session, so
        // the first answer carries what is seen; the grid asks for more as the list is scrolled.
        grid.setPageSize(PAGE_SIZE);
        grid.addItemClickListener(click -> click.getSource().getUI()
                .ifPresent(ui -> ui.navigate(ReferralView.class, click.getItem().id())));
        HorizontalLayout bar = new HorizontalLayout(views, search);
        if (referrals.mayDraftReferrals()) {
            Button draft = new Button(getTranslation("new-referral.title"), VaadinIcon.PLUS.create(),
                    click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(NewReferralView.class)));
            draft.setId("new-referral");
            draft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(draft);
        }
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        bar.expand(views);
        add(title, bar, filters(), grid);
        setFlexGrow(1, grid);
        refreshCounts();
    }

    /** Programme area, sending office and sent-between filters; each change refreshes list and counts. */
    private HorizontalLayout filters() {
        Select<ProgrammeArea> programme = new Select<>();
        programme.setId("inbox-programme");
        programme.setLabel(getTranslation("referral.programme"));
        programme.setItems(ProgrammeArea.values());
        programme.setItemLabelGenerator(p -> p == null ? getTranslation("inbox.filter.any")
                : getTranslation("programme." + p.name()));
        programme.setEmptySelectionAllowed(true);
        programme.setEmptySelectionCaption(getTranslation("inbox.filter.any"));
        Select<String> office = new Select<>();
        office.setId("inbox-office");
        office.setLabel(getTranslation("referral.office"));
        office.setItems(referrals.sendingOffices());
        office.setItemLabelGenerator(o -> o == null ? getTranslation("inbox.filter.any") : o);
        office.setEmptySelectionAllowed(true);
        office.setEmptySelectionCaption(getTranslation("inbox.filter.any"));
        DatePicker from = new DatePicker(getTranslation("inbox.filter.sent-from"));
        from.setId("inbox-sent-from");
        DatePicker to = new DatePicker(getTranslation("inbox.filter.sent-to"));
        to.setId("inbox-sent-to");
        Runnable apply = () -> {
            if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
                to.setErrorMessage(getTranslation("inbox.filter.period-invalid"));
                to.setInvalid(true);
                return;
            }
            to.setInvalid(false);
            query = query.withFilters(programme.getValue(), office.getValue(), from.getValue(), to.getValue());
            grid.getDataProvider().refreshAll();
            refreshCounts();
        };
        programme.addValueChangeListener(change -> apply.run());
        office.addValueChangeListener(change -> apply.run());
        from.addValueChangeListener(change -> apply.run());
        to.addValueChangeListener(change -> apply.run());
        HorizontalLayout filters = new HorizontalLayout(programme, office, from, to);
        filters.setId("inbox-filters");
        return filters;
    }

    /** Writes each view's count into its tab, for the current search and filters. */
    private void refreshCounts() {
        Map<InboxView, Long> counts = referrals.inboxCounts(query);
        viewOfTab.forEach((tab, view) -> tab.setLabel(getTranslation("inbox.view." + view.name())
                + " (" + counts.getOrDefault(view, 0L) + ")"));
    }
}
