package org.reintegra.subjectaccess.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.reintegra.access.Roles;
import org.reintegra.client.ClientSummary;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.subjectaccess.SubjectAccessService;

/**
 * Subject access for an agency's liaison officer: find the client, download a ZIP with everything
 * held about them (their record, every referral on both sides, documents, and who read or changed
 * them). The file is put together when the link is followed, and that is audited.
 */
@Route(value = "subject-access", layout = MainLayout.class)
@RolesAllowed(Roles.AGENCY_LIAISON)
public class SubjectAccessView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    @Inject
    public SubjectAccessView(SubjectAccessService subjectAccess) {
        H2 heading = new H2(getTranslation("subject-access.title"));
        heading.setId("subject-access-heading");
        Paragraph explain = new Paragraph(getTranslation("subject-access.explain"));
        TextField search = new TextField(getTranslation("subject-access.search"));
        search.setId("subject-access-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("24rem");
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        Grid<ClientSummary> clients = new Grid<>();
        clients.setId("subject-access-clients");
        clients.addColumn(ClientSummary::reference).setHeader(getTranslation("subject-access.client-reference"))
                .setAutoWidth(true);
        clients.addColumn(c -> c.givenName() + " " + c.familyName()).setHeader(getTranslation("referral.client"))
                .setAutoWidth(true);
        clients.addColumn(c -> date.format(c.dateOfBirth())).setHeader(getTranslation("subject-access.born"))
                .setAutoWidth(true);
        clients.addComponentColumn(client -> {
            Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> subjectAccess.export(client.id())
                    .map(pack -> new DownloadResponse(new ByteArrayInputStream(pack.zip()), pack.fileName(),
                            "application/zip", pack.zip().length))
                    .orElse(DownloadResponse.error(HttpStatusCode.NOT_FOUND))), getTranslation("subject-access.download"));
            download.getElement().setAttribute("download", true);
            download.setId("subject-access-download-" + client.reference());
            return download;
        }).setAutoWidth(true);
        clients.setAllRowsVisible(true);
        search.addValueChangeListener(change -> clients.setItems(subjectAccess.findClients(change.getValue(), getLocale())));
        add(heading, explain, search, clients);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("subject-access.title");
    }
}
