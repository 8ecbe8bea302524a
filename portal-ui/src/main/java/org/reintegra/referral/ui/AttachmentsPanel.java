package org.reintegra.referral.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.reintegra.access.InputRejected;
import org.reintegra.referral.AttachmentContent;
import org.reintegra.referral.AttachmentSummary;
import org.reintegra.referral.CheckedFile;
import org.reintegra.referral.DataKind;
import org.reintegra.referral.ReferralAttachments;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralSide;

/**
 * A referral's documents: each one the user may see, to download (audited), and an upload for
 * those who may attach (the agency any kind, the partner general documents). Type and size are
 * checked in the browser and again by the service, which looks at the content.
 */
class AttachmentsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient ReferralAttachments attachments;
    private final long referralId;
    private final Runnable changed;

    AttachmentsPanel(ReferralAttachments attachments, long referralId, ReferralSide viewerSide, boolean mayAttach,
                     Runnable changed) {
        this.attachments = attachments;
        this.referralId = referralId;
        this.changed = changed;
        setId("referral-attachments");
        setPadding(false);
        List<AttachmentSummary> shown = attachments.attachments(referralId);
        if (shown.isEmpty()) {
            add(new Paragraph(getTranslation("attachments.none")));
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        for (AttachmentSummary attachment : shown) {
            Anchor download = new Anchor(download(attachment), AttachmentType.DOWNLOAD, attachment.fileName());
            download.addClassName("attachment-link");
            Span about = new Span(getTranslation("attachments.about", getTranslation("data-kind." + attachment.kind().name()),
                    Math.max(1, attachment.sizeBytes() / 1024), attachment.uploadedBy(),
                    when.format(LocalDateTime.ofInstant(attachment.uploadedAt(), ZoneId.systemDefault()))));
            about.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            add(new HorizontalLayout(download, about));
        }
        if (mayAttach) {
            add(uploader(viewerSide));
        }
    }

    private DownloadHandler download(AttachmentSummary attachment) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                return attachments.open(referralId, attachment.id())
                        .map(AttachmentsPanel::response)
                        .orElse(DownloadResponse.error(HttpStatusCode.NOT_FOUND));
            } catch (ReferralNotFound gone) {
                return DownloadResponse.error(HttpStatusCode.NOT_FOUND);
            }
        });
    }

    private static DownloadResponse response(AttachmentContent content) {
        return new DownloadResponse(new ByteArrayInputStream(content.content()), content.fileName(), content.mediaType(),
                content.content().length);
    }

    private HorizontalLayout uploader(ReferralSide side) {
        Select<DataKind> kind = new Select<>();
        kind.setId("attachment-kind");
        kind.setLabel(getTranslation("attachments.kind"));
        List<DataKind> kinds = side == ReferralSide.AGENCY
                ? List.of(DataKind.GENERAL, DataKind.HEALTH, DataKind.LEGAL) : List.of(DataKind.GENERAL);
        kind.setItems(kinds);
        kind.setValue(DataKind.GENERAL);
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("data-kind." + k.name()));
        UI ui = UI.getCurrent();
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            try {
                attachments.attach(referralId, kind.getValue(), metadata.fileName(), data);
                ui.access(() -> {
                    upload.clearFileList();
                    notice(getTranslation("attachments.added", metadata.fileName()), NotificationVariant.LUMO_SUCCESS);
                    changed.run();
                });
            } catch (InputRejected rejected) {
                ui.access(() -> {
                    upload.clearFileList(); // the next file may be tried at once (one file at a time)
                    notice(getTranslation(rejected.messageKey()), NotificationVariant.LUMO_ERROR);
                });
            }
        }));
        upload.setId("attachment-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CheckedFile.MAX_BYTES);
        upload.setAcceptedFileTypes(CheckedFile.ACCEPTED.split(","));
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(rejected -> notice(getTranslation("attachment.type-or-size"),
                NotificationVariant.LUMO_ERROR));
        HorizontalLayout bar = new HorizontalLayout(kind, upload);
        bar.setAlignItems(Alignment.END);
        return bar;
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        notification.setId("attachment-notice");
    }
}
