package org.reintegra.catalogue.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.reintegra.access.Roles;
import org.reintegra.catalogue.DirectoryEntry;
import org.reintegra.catalogue.ServiceDirectory;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.referral.ServiceType;

/**
 * The directory of services every partner publishes: what, who, where, for whom, in which
 * languages, how many places; filtered by service, and downloadable as Open Referral HSDS JSON.
 */
@Route(value = "directory", layout = MainLayout.class)
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN,
        Roles.COLLEGE_REGISTRAR})
public class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    @Inject
    public DirectoryView(ServiceDirectory directory) {
        H2 heading = new H2(getTranslation("directory.title"));
        heading.setId("directory-heading");
        Select<ServiceType> service = new Select<>();
        service.setId("directory-service");
        service.setLabel(getTranslation("referral.service"));
        service.setItems(ServiceType.values());
        service.setEmptySelectionAllowed(true);
        service.setEmptySelectionCaption(getTranslation("inbox.filter.any"));
        service.setItemLabelGenerator(s -> s == null ? getTranslation("inbox.filter.any") : getTranslation("service." + s.name()));
        Grid<DirectoryEntry> grid = new Grid<>(DirectoryEntry.class, false);
        grid.setId("directory-grid");
        grid.addColumn(e -> getTranslation("service." + e.serviceType().name())).setHeader(getTranslation("referral.service"))
                .setAutoWidth(true);
        grid.addColumn(DirectoryEntry::partnerName).setHeader(getTranslation("referral.partner")).setAutoWidth(true);
        grid.addColumn(DirectoryEntry::locations).setHeader(getTranslation("catalogue.locations"));
        grid.addColumn(e -> (e.minAge() == null ? "" : e.minAge()) + "–" + (e.maxAge() == null ? "" : e.maxAge()))
                .setHeader(getTranslation("catalogue.ages")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("custody-served." + e.custody().name())).setHeader(getTranslation("catalogue.custody"))
                .setAutoWidth(true);
        grid.addColumn(e -> Arrays.stream(e.languages().split(",")).map(code -> getTranslation("language." + code))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("catalogue.languages"));
        grid.addColumn(e -> e.places() == null ? "—" : e.places().toString()).setHeader(getTranslation("catalogue.places"))
                .setAutoWidth(true);
        grid.setItems(directory.all());
        service.addValueChangeListener(e -> grid.setItems(e.getValue() == null ? directory.all()
                : directory.offering(e.getValue())));
        Anchor hsds = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] json = directory.hsdsJson().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(json), "reintegra-services-hsds.json",
                    "application/json", json.length);
        }), AttachmentType.DOWNLOAD, getTranslation("directory.hsds"));
        hsds.setId("directory-hsds");
        HorizontalLayout bar = new HorizontalLayout(service, hsds);
        bar.setAlignItems(Alignment.BASELINE);
        add(heading, bar, grid);
        setSizeFull();
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title");
    }
}
