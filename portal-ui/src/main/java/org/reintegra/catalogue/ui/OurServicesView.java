package org.reintegra.catalogue.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.catalogue.ServedCustody;
import org.reintegra.catalogue.ServiceCatalogue;
import org.reintegra.catalogue.ServiceOfferEntry;
import org.reintegra.catalogue.ServiceOfferTerms;
import org.reintegra.client.Sex;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ServiceType;

/**
 * A partner admin's catalogue: the services the organisation offers, where, for whom, in which
 * languages and with how many places. Officers choose partners from these entries.
 */
@Route(value = "services", layout = MainLayout.class)
@RolesAllowed(Roles.PARTNER_ADMIN)
public class OurServicesView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    private static final List<String> LANGUAGES = List.of("ka", "ru", "ky", "kk", "en");

    private final transient ServiceCatalogue catalogue;
    private final Grid<ServiceOfferEntry> grid = new Grid<>(ServiceOfferEntry.class, false);
    private final Select<ServiceType> service = new Select<>();
    private final TextArea description = new TextArea();
    private final TextField locations = new TextField();
    private final TextField region = new TextField();
    private final IntegerField minAge = new IntegerField();
    private final IntegerField maxAge = new IntegerField();
    private final CheckboxGroup<Sex> sexes = new CheckboxGroup<>();
    private final Select<ServedCustody> custody = new Select<>();
    private final CheckboxGroup<String> languages = new CheckboxGroup<>();
    private final IntegerField places = new IntegerField();
    private ServiceOfferEntry editing;

    @Inject
    public OurServicesView(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
        H2 heading = new H2(getTranslation("catalogue.title"));
        heading.setId("catalogue-heading");
        grid.setId("catalogue-grid");
        grid.addColumn(e -> getTranslation("service." + e.serviceType().name())).setHeader(getTranslation("referral.service"));
        grid.addColumn(ServiceOfferEntry::locations).setHeader(getTranslation("catalogue.locations"));
        grid.addColumn(e -> e.places() == null ? "—" : e.places().toString()).setHeader(getTranslation("catalogue.places"));
        grid.addColumn(e -> getTranslation(e.active() ? "catalogue.active" : "catalogue.withdrawn"))
                .setHeader(getTranslation("catalogue.status"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));

        service.setId("catalogue-service");
        service.setLabel(getTranslation("referral.service"));
        service.setItems(ServiceType.values());
        service.setItemLabelGenerator(s -> s == null ? "" : getTranslation("service." + s.name()));
        description.setId("catalogue-description");
        description.setLabel(getTranslation("catalogue.description"));
        description.setMaxLength(2000);
        locations.setId("catalogue-locations");
        locations.setLabel(getTranslation("catalogue.locations"));
        locations.setMaxLength(1000);
        region.setId("catalogue-region");
        region.setLabel(getTranslation("catalogue.region"));
        minAge.setId("catalogue-min-age");
        minAge.setLabel(getTranslation("catalogue.min-age"));
        maxAge.setId("catalogue-max-age");
        maxAge.setLabel(getTranslation("catalogue.max-age"));
        sexes.setId("catalogue-sexes");
        sexes.setLabel(getTranslation("catalogue.sexes"));
        sexes.setItems(Sex.values());
        sexes.setItemLabelGenerator(s -> getTranslation("sex." + s.name()));
        custody.setId("catalogue-custody");
        custody.setLabel(getTranslation("catalogue.custody"));
        custody.setItems(ServedCustody.values());
        custody.setItemLabelGenerator(c -> c == null ? "" : getTranslation("custody-served." + c.name()));
        languages.setId("catalogue-languages");
        languages.setLabel(getTranslation("catalogue.languages"));
        languages.setItems(LANGUAGES);
        languages.setItemLabelGenerator(code -> getTranslation("language." + code));
        places.setId("catalogue-places");
        places.setLabel(getTranslation("catalogue.places"));
        places.setMin(0);

        Button save = new Button(getTranslation("action.save"), click -> save());
        save.setId("catalogue-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button withdraw = new Button(getTranslation("catalogue.withdraw"), click -> withdraw());
        withdraw.setId("catalogue-withdraw");
        Button fresh = new Button(getTranslation("catalogue.new"), click -> grid.asSingleSelect().clear());
        fresh.setId("catalogue-new");
        FormLayout form = new FormLayout(service, locations, region, places, minAge, maxAge, custody, sexes, languages);
        form.add(description, 2);
        add(heading, grid, new H3(getTranslation("catalogue.entry")), form, new HorizontalLayout(save, withdraw, fresh));
        refresh();
        edit(null);
    }

    private void edit(ServiceOfferEntry entry) {
        editing = entry;
        ServiceOfferTerms terms = entry == null ? new ServiceOfferTerms(null, null, null, null, 18, null,
                java.util.Set.of(Sex.values()), ServedCustody.BOTH, java.util.Set.of(), null) : entry.terms();
        service.setValue(terms.serviceType());
        description.setValue(terms.description() == null ? "" : terms.description());
        locations.setValue(terms.locations() == null ? "" : terms.locations());
        region.setValue(terms.region() == null ? "" : terms.region());
        minAge.setValue(terms.minAge());
        maxAge.setValue(terms.maxAge());
        sexes.setValue(terms.sexes());
        custody.setValue(terms.custody());
        languages.setValue(terms.languages());
        places.setValue(terms.places());
    }

    private void save() {
        ServiceOfferTerms terms = new ServiceOfferTerms(service.getValue(), description.getValue(), locations.getValue(),
                region.getValue(), minAge.getValue(), maxAge.getValue(), sexes.getValue(), custody.getValue(),
                languages.getValue(), places.getValue());
        try {
            if (editing == null) {
                catalogue.publish(terms);
            } else {
                catalogue.change(editing.id(), editing.version(), terms);
            }
            notice(getTranslation("catalogue.saved"), NotificationVariant.LUMO_SUCCESS);
            refresh();
            grid.asSingleSelect().clear();
        } catch (ReferralChangedMeanwhile | ReferralNotFound conflict) {
            notice(getTranslation("notice.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
            refresh();
        } catch (InputRejected rejected) {
            Map<String, HasValidation> fields = Map.of("serviceType", service, "locations", locations,
                    "description", description, "maxAge", maxAge, "sexes", sexes, "custody", custody,
                    "languages", languages, "places", places);
            HasValidation field = fields.getOrDefault(rejected.field(), locations);
            field.setErrorMessage(getTranslation(rejected.messageKey()));
            field.setInvalid(true);
        }
    }

    private void withdraw() {
        if (editing == null) {
            return;
        }
        try {
            catalogue.withdraw(editing.id(), editing.version());
            notice(getTranslation("catalogue.saved"), NotificationVariant.LUMO_SUCCESS);
        } catch (ReferralChangedMeanwhile | ReferralNotFound conflict) {
            notice(getTranslation("notice.changed-meanwhile"), NotificationVariant.LUMO_WARNING);
        }
        refresh();
        grid.asSingleSelect().clear();
    }

    private void refresh() {
        grid.setItems(catalogue.ourServices());
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        notification.setId("catalogue-notice");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalogue.title");
    }
}
