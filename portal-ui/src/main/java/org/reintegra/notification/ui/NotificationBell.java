package org.reintegra.notification.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.reintegra.notification.NotificationEntry;
import org.reintegra.notification.NotificationService;
import org.reintegra.staff.NotificationDelivery;
import org.reintegra.staff.StaffDirectory;
import org.reintegra.staff.StaffMember;

/**
 * The bell in the header: how many notifications arrived since the user last looked (refreshed
 * every minute), and on click the latest ones, each leading to its referral, with the choice of
 * e-mail delivery (at once, daily digest, none).
 */
public class NotificationBell extends Button {

    private static final long serialVersionUID = 1L;
    static final int POLL_MILLIS = 60_000;
    private static final int SHOWN = 20;

    private final transient NotificationService notifications;
    private final transient StaffDirectory staff;
    private final Span count = new Span();
    private Registration polling;

    public NotificationBell(NotificationService notifications, StaffDirectory staff) {
        this.notifications = notifications;
        this.staff = staff;
        setId("notification-bell");
        setIcon(VaadinIcon.BELL.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error pill small");
        setSuffixComponent(count);
        addClickListener(click -> open());
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(POLL_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
        }
    }

    private void refresh() {
        long unseen;
        try {
            unseen = notifications.unseenCount();
        } catch (jakarta.ejb.EJBAccessException signedOutMeanwhile) {
            // the session ended (token refused, user disabled): the next navigation asks to sign in again
            if (polling != null) {
                polling.remove();
                polling = null;
            }
            setVisible(false);
            return;
        }
        count.setText(Long.toString(unseen));
        count.setVisible(unseen > 0);
        setAriaLabel(getTranslation("bell.label", unseen));
        setTooltipText(getTranslation("bell.label", unseen));
    }

    private void open() {
        List<NotificationEntry> latest = notifications.latest(SHOWN);
        notifications.markSeen();
        refresh();
        Dialog dialog = new Dialog();
        dialog.setId("notification-list");
        dialog.setHeaderTitle(getTranslation("bell.title"));
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale());
        if (latest.isEmpty()) {
            list.add(new Paragraph(getTranslation("bell.empty")));
        }
        for (NotificationEntry entry : latest) {
            Anchor link = new Anchor("referrals/" + entry.referralId(), getTranslation("event." + entry.event().name(),
                    entry.referralReference(), entry.causedBy()));
            link.addClassName("notification-entry");
            link.getElement().addEventListener("click", e -> dialog.close());
            Span at = new Span(when.format(LocalDateTime.ofInstant(entry.createdAt(), ZoneId.systemDefault())));
            at.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            VerticalLayout item = new VerticalLayout(link, at);
            item.setPadding(false);
            item.setSpacing(false);
            if (entry.unseen()) {
                link.getStyle().set("font-weight", "bold");
            }
            list.add(item);
        }
        Select<NotificationDelivery> delivery = new Select<>();
        delivery.setId("notification-delivery");
        delivery.setLabel(getTranslation("bell.delivery"));
        delivery.setItems(NotificationDelivery.values());
        delivery.setItemLabelGenerator(d -> d == null ? "" : getTranslation("delivery." + d.name()));
        staff.me().map(StaffMember::notificationDelivery).ifPresent(delivery::setValue);
        delivery.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                staff.chooseNotificationDelivery(e.getValue());
            }
        });
        dialog.add(list, delivery);
        dialog.getFooter().add(new Button(getTranslation("action.close"), click -> dialog.close()));
        dialog.open();
    }
}
