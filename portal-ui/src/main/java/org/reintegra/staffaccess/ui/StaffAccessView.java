package org.reintegra.staffaccess.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.identity.IdentityUnavailable;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.staff.StaffDirectory;
import org.reintegra.staffaccess.StaffAccessService;
import org.reintegra.staffaccess.StaffAccount;
import org.reintegra.staffaccess.StaffAccountChangedMeanwhile;
import org.reintegra.staffaccess.StaffAccountNotFound;
import org.reintegra.staffaccess.StaffInvitation;
import org.reintegra.staffaccess.StaffStatus;

/**
 * Staff and access: who has access to the organisation's portal (roles, state, last sign-in), and
 * the administrator's actions: invite, change roles, deactivate, reactivate, send an invitation
 * again. Every change goes through {@link StaffAccessService}, which checks it again.
 */
@Route(value = "staff", layout = MainLayout.class)
@RolesAllowed({Roles.AGENCY_ADMIN, Roles.PARTNER_ADMIN})
public class StaffAccessView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient StaffAccessService staff;
    private final transient List<String> grantable;
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Grid<StaffAccount> grid = new Grid<>();

    @Inject
    public StaffAccessView(StaffAccessService staff) {
        this.staff = staff;
        this.grantable = staff.grantableRoles();
        setSizeFull();
        H2 heading = new H2(getTranslation("staff.title"));
        heading.setId("staff-heading");
        search.setId("staff-search");
        search.setLabel(getTranslation("staff.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> refresh());
        Button invite = new Button(getTranslation("staff.invite"), click -> openInvitation());
        invite.setId("staff-invite");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout tools = new HorizontalLayout(search, invite);
        tools.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        count.setId("staff-count");

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        grid.setId("staff-grid");
        grid.addColumn(StaffAccount::displayName).setHeader(getTranslation("staff.name")).setAutoWidth(true);
        grid.addColumn(StaffAccount::username).setHeader(getTranslation("staff.username")).setAutoWidth(true);
        grid.addColumn(a -> a.email() == null ? "" : a.email()).setHeader(getTranslation("staff.email")).setAutoWidth(true);
        grid.addColumn(this::roleNames).setHeader(getTranslation("staff.roles")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("staff.status." + a.status().name())).setHeader(getTranslation("staff.status"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.lastSignedInAt() == null ? getTranslation("staff.never") : when.format(a.lastSignedInAt()))
                .setHeader(getTranslation("staff.last-sign-in")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("staff.actions")).setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true); // always in sight, however wide the other columns are
        add(heading, tools, count, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        String term = search.getValue();
        try {
            int total = staff.countAccounts(term);
            count.setText(getTranslation("staff.count", total));
            grid.setItems(query -> staff.accounts(term, query.getOffset(), query.getLimit()).stream(),
                    query -> total); // counted just above; refresh() runs again after every change
        } catch (IdentityUnavailable unavailable) {
            count.setText(getTranslation("staff.error.unavailable"));
            grid.setItems(List.of());
        }
    }

    private String roleNames(StaffAccount account) {
        return account.roles().stream().sorted(java.util.Comparator.comparingInt(grantable::indexOf))
                .map(role -> getTranslation("role." + role)).collect(Collectors.joining(", "));
    }

    private Component actions(StaffAccount account) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        Button roles = new Button(getTranslation("staff.change-roles"), click -> openRoles(account));
        roles.setId("staff-roles-" + account.username());
        roles.getElement().setAttribute("aria-label", getTranslation("staff.change-roles-of", account.displayName()));
        roles.addThemeVariants(ButtonVariant.LUMO_SMALL);
        actions.add(roles);
        if (account.status() == StaffStatus.DEACTIVATED) {
            Button reactivate = new Button(getTranslation("staff.reactivate"),
                    click -> attempt("staff.reactivated", () -> staff.reactivate(account.id())));
            reactivate.setId("staff-reactivate-" + account.username());
            reactivate.getElement().setAttribute("aria-label", getTranslation("staff.reactivate-who", account.displayName()));
            reactivate.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(reactivate);
        } else {
            Button deactivate = new Button(getTranslation("staff.deactivate"), click -> confirmDeactivation(account));
            deactivate.setId("staff-deactivate-" + account.username());
            deactivate.getElement().setAttribute("aria-label", getTranslation("staff.deactivate-who", account.displayName()));
            deactivate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(deactivate);
        }
        if (account.status() == StaffStatus.INVITED) {
            Button resend = new Button(getTranslation("staff.resend"),
                    click -> attempt("staff.resent", () -> staff.resendInvitation(account.id())));
            resend.setId("staff-resend-" + account.username());
            resend.getElement().setAttribute("aria-label", getTranslation("staff.resend-who", account.displayName()));
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(resend);
        }
        return actions;
    }

    private void confirmDeactivation(StaffAccount account) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("staff-deactivate-confirm");
        confirm.setHeader(getTranslation("staff.deactivate-who", account.displayName()));
        confirm.setText(getTranslation("staff.deactivate.explain"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("staff.cancel"));
        confirm.setConfirmText(getTranslation("staff.deactivate"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> attempt("staff.deactivated", () -> staff.deactivate(account.id(), account.status())));
        confirm.open();
    }

    private void openRoles(StaffAccount account) {
        Dialog dialog = new Dialog();
        dialog.setId("staff-roles-dialog");
        dialog.setHeaderTitle(getTranslation("staff.change-roles-of", account.displayName()));
        CheckboxGroup<String> roles = roleChoice();
        roles.setId("staff-roles-choice");
        roles.setValue(account.roles());
        Button save = new Button(getTranslation("staff.save"), click -> {
            try {
                staff.changeRoles(account.id(), account.roles(), roles.getValue());
                dialog.close();
                notice(getTranslation("staff.roles-changed"), NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InputRejected rejected) {
                roles.setErrorMessage(getTranslation(rejected.messageKey()));
                roles.setInvalid(true);
            } catch (StaffAccountChangedMeanwhile changed) {
                dialog.close();
                notice(getTranslation("staff.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
                refresh();
            } catch (StaffAccountNotFound gone) {
                dialog.close();
                notice(getTranslation("staff.gone"), NotificationVariant.LUMO_WARNING);
                refresh();
            } catch (IdentityUnavailable unavailable) {
                notice(getTranslation("staff.error.unavailable"), NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("staff-roles-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("staff.cancel"), click -> dialog.close());
        dialog.add(roles);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void openInvitation() {
        Dialog dialog = new Dialog();
        dialog.setId("staff-invite-dialog");
        dialog.setHeaderTitle(getTranslation("staff.invite"));
        TextField username = new TextField(getTranslation("staff.username"));
        username.setId("invite-username");
        username.setHelperText(getTranslation("staff.username.help"));
        TextField givenName = new TextField(getTranslation("staff.given-name"));
        givenName.setId("invite-given-name");
        TextField familyName = new TextField(getTranslation("staff.family-name"));
        familyName.setId("invite-family-name");
        EmailField email = new EmailField(getTranslation("staff.email"));
        email.setId("invite-email");
        Select<String> language = new Select<>();
        language.setId("invite-language");
        language.setLabel(getTranslation("staff.language"));
        language.setItems(StaffDirectory.LANGUAGES);
        language.setItemLabelGenerator(tag -> getTranslation("language." + tag));
        language.setValue(StaffDirectory.LANGUAGES.contains(getLocale().getLanguage()) ? getLocale().getLanguage() : "en");
        CheckboxGroup<String> roles = roleChoice();
        roles.setId("invite-roles");
        FormLayout form = new FormLayout(username, email, givenName, familyName, language, roles);
        form.setColspan(roles, 2);
        Map<String, HasValidation> fields = Map.of("username", username, "givenName", givenName, "familyName", familyName,
                "email", email, "language", language, "roles", roles);
        Button send = new Button(getTranslation("staff.invite.send"), click -> {
            fields.values().forEach(field -> field.setInvalid(false));
            try {
                StaffAccount invited = staff.invite(new StaffInvitation(username.getValue(), givenName.getValue(),
                        familyName.getValue(), email.getValue(), language.getValue(), Set.copyOf(roles.getValue())));
                dialog.close();
                notice(getTranslation("staff.invited", invited.displayName(), invited.email()), NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (InputRejected rejected) {
                HasValidation field = fields.getOrDefault(rejected.field(), username);
                field.setErrorMessage(getTranslation(rejected.messageKey()));
                field.setInvalid(true);
            } catch (IdentityUnavailable unavailable) {
                notice(getTranslation("staff.error.unavailable"), NotificationVariant.LUMO_ERROR);
            }
        });
        send.setId("invite-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("staff.cancel"), click -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, send);
        dialog.open();
        username.focus();
    }

    private CheckboxGroup<String> roleChoice() {
        CheckboxGroup<String> roles = new CheckboxGroup<>(getTranslation("staff.roles"));
        roles.setItems(grantable);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        return roles;
    }

    private void attempt(String successKey, Runnable change) {
        try {
            change.run();
            notice(getTranslation(successKey), NotificationVariant.LUMO_SUCCESS);
        } catch (StaffAccountChangedMeanwhile changed) {
            notice(getTranslation("staff.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
        } catch (StaffAccountNotFound gone) {
            notice(getTranslation("staff.gone"), NotificationVariant.LUMO_WARNING);
        } catch (InputRejected refused) {
            notice(getTranslation(refused.messageKey()), NotificationVariant.LUMO_ERROR);
        } catch (IdentityUnavailable unavailable) {
            notice(getTranslation("staff.error.unavailable"), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.title");
    }
}
