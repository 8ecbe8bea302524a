package org.reintegra.onboarding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.onboarding.OnboardingRequest;
import org.reintegra.onboarding.OnboardingState;
import org.reintegra.onboarding.OnboardingSummary;
import org.reintegra.onboarding.TenantOnboardingService;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.staff.StaffDirectory;

/**
 * The platform operator onboards an agency or a partner organisation with its first administrator,
 * and follows every onboarding: completed, failed (why, at which step; retry or cancel), cancelled.
 */
@Route(value = "onboarding", layout = MainLayout.class)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class OnboardingView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient TenantOnboardingService onboarding;
    private final Grid<OnboardingSummary> grid = new Grid<>();
    private final Span count = new Span();

    private final TextField name = new TextField();
    private final TextField alias = new TextField();
    private final Select<OrganisationKind> kind = new Select<>();
    private final Select<OrganisationCategory> category = new Select<>();
    private final TextField adminUsername = new TextField();
    private final TextField adminGivenName = new TextField();
    private final TextField adminFamilyName = new TextField();
    private final EmailField adminEmail = new EmailField();
    private final Select<String> adminLanguage = new Select<>();

    @Inject
    public OnboardingView(TenantOnboardingService onboarding) {
        this.onboarding = onboarding;
        setSizeFull();
        H2 heading = new H2(getTranslation("onboarding.title"));
        heading.setId("onboarding-heading");
        add(heading, new H3(getTranslation("onboarding.new")), form(), new H3(getTranslation("onboarding.list")));

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        count.setId("onboarding-count");
        grid.setId("onboarding-grid");
        grid.addColumn(OnboardingSummary::name).setHeader(getTranslation("onboarding.name")).setAutoWidth(true);
        grid.addColumn(OnboardingSummary::alias).setHeader(getTranslation("onboarding.alias")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("organisation.kind." + o.kind().name())).setHeader(getTranslation("onboarding.kind"))
                .setAutoWidth(true);
        grid.addColumn(OnboardingSummary::adminUsername).setHeader(getTranslation("onboarding.admin")).setAutoWidth(true);
        grid.addColumn(this::stateText).setHeader(getTranslation("onboarding.state")).setFlexGrow(1);
        grid.addColumn(o -> when.format(o.updatedAt())).setHeader(getTranslation("onboarding.updated")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("onboarding.actions")).setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        add(count, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Component form() {
        name.setId("onboarding-name");
        name.setLabel(getTranslation("onboarding.name"));
        name.addValueChangeListener(change -> {
            // suggest a short name while the operator has not written one of their own
            if (alias.isEmpty() || alias.getValue().equals(suggestedAlias(change.getOldValue()))) {
                alias.setValue(suggestedAlias(change.getValue()));
            }
        });
        alias.setId("onboarding-alias");
        alias.setLabel(getTranslation("onboarding.alias"));
        alias.setHelperText(getTranslation("onboarding.alias.help"));
        kind.setId("onboarding-kind");
        kind.setLabel(getTranslation("onboarding.kind"));
        kind.setItems(OrganisationKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("organisation.kind." + k.name()));
        kind.setValue(OrganisationKind.PARTNER);
        category.setId("onboarding-category");
        category.setLabel(getTranslation("onboarding.category"));
        category.setItemLabelGenerator(c -> getTranslation("organisation.category." + c.name()));
        kind.addValueChangeListener(change -> categoriesFor(change.getValue()));
        categoriesFor(OrganisationKind.PARTNER);
        adminUsername.setId("onboarding-admin-username");
        adminUsername.setLabel(getTranslation("onboarding.admin-username"));
        adminUsername.setHelperText(getTranslation("staff.username.help"));
        adminGivenName.setId("onboarding-admin-given-name");
        adminGivenName.setLabel(getTranslation("staff.given-name"));
        adminFamilyName.setId("onboarding-admin-family-name");
        adminFamilyName.setLabel(getTranslation("staff.family-name"));
        adminEmail.setId("onboarding-admin-email");
        adminEmail.setLabel(getTranslation("onboarding.admin-email"));
        adminLanguage.setId("onboarding-admin-language");
        adminLanguage.setLabel(getTranslation("staff.language"));
        adminLanguage.setItems(StaffDirectory.LANGUAGES);
        adminLanguage.setItemLabelGenerator(tag -> getTranslation("language." + tag));
        adminLanguage.setValue("en");
        Button start = new Button(getTranslation("onboarding.start"), click -> start());
        start.setId("onboarding-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, alias, kind, category, adminUsername, adminEmail, adminGivenName,
                adminFamilyName, adminLanguage);
        return new VerticalLayout(form, start);
    }

    private void categoriesFor(OrganisationKind chosen) {
        List<OrganisationCategory> categories = Arrays.stream(OrganisationCategory.values())
                .filter(c -> (chosen == OrganisationKind.AGENCY) == (c == OrganisationCategory.AGENCY)).toList();
        category.setItems(categories);
        category.setValue(categories.get(0));
    }

    private void start() {
        Map<String, HasValidation> fields = Map.of("alias", alias, "name", name, "kind", kind, "category", category,
                "username", adminUsername, "givenName", adminGivenName, "familyName", adminFamilyName,
                "email", adminEmail, "language", adminLanguage);
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            OnboardingSummary result = onboarding.start(new OnboardingRequest(alias.getValue(), kind.getValue(),
                    category.getValue(), name.getValue(), adminUsername.getValue(), adminGivenName.getValue(),
                    adminFamilyName.getValue(), adminEmail.getValue(), adminLanguage.getValue()));
            told(result);
            if (result.state() == OnboardingState.COMPLETED) {
                name.clear();
                alias.clear();
                adminUsername.clear();
                adminGivenName.clear();
                adminFamilyName.clear();
                adminEmail.clear();
            }
        } catch (InputRejected rejected) {
            HasValidation field = fields.getOrDefault(rejected.field(), alias);
            field.setErrorMessage(getTranslation(rejected.messageKey()));
            field.setInvalid(true);
        }
        refresh();
    }

    private Component actions(OnboardingSummary summary) {
        HorizontalLayout actions = new HorizontalLayout();
        if (summary.mayRetry()) {
            Button retry = new Button(getTranslation("onboarding.retry"), click -> {
                attempt(() -> told(onboarding.retry(summary.id())));
            });
            retry.setId("onboarding-retry-" + summary.alias());
            retry.getElement().setAttribute("aria-label", getTranslation("onboarding.retry-of", summary.name()));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(retry);
        }
        if (summary.mayCancel()) {
            Button cancel = new Button(getTranslation("onboarding.cancel"), click -> {
                attempt(() -> told(onboarding.cancel(summary.id())));
            });
            cancel.setId("onboarding-cancel-" + summary.alias());
            cancel.getElement().setAttribute("aria-label", getTranslation("onboarding.cancel-of", summary.name()));
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }

    private void attempt(Runnable action) {
        try {
            action.run();
        } catch (InputRejected refused) {
            notice(getTranslation(refused.messageKey()), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void told(OnboardingSummary result) {
        switch (result.state()) {
            case COMPLETED -> notice(getTranslation("onboarding.completed", result.name(), result.adminEmail()),
                    NotificationVariant.LUMO_SUCCESS);
            case CANCELLED -> notice(getTranslation("onboarding.cancelled", result.name()), NotificationVariant.LUMO_CONTRAST);
            default -> notice(stateText(result), NotificationVariant.LUMO_ERROR);
        }
    }

    private String stateText(OnboardingSummary summary) {
        String state = getTranslation("onboarding.state." + summary.state().name());
        if (summary.state() == OnboardingState.FAILED && summary.failure() != null) {
            return getTranslation("onboarding.failed-at", state,
                    getTranslation("onboarding.step." + summary.failedStep().name()),
                    getTranslation("onboarding.failure." + summary.failure().name()));
        }
        return state;
    }

    private void refresh() {
        count.setText(getTranslation("onboarding.count", onboarding.countOnboardings()));
        grid.setItems(query -> onboarding.onboardings(query.getOffset(), query.getLimit()).stream());
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        notification.setId("onboarding-notice");
    }

    /** A short name from the organisation's name: Latin letters and digits, dashes between words. */
    static String suggestedAlias(String organisationName) {
        String ascii = Normalizer.normalize(organisationName == null ? "" : organisationName, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String alias = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return alias.length() > 63 ? alias.substring(0, 63).replaceAll("-+$", "") : alias;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("onboarding.title");
    }
}
