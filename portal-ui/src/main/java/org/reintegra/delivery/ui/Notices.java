package org.reintegra.delivery.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages at the top of the screen. */
final class Notices {

    private Notices() {
    }

    static void success(String text) {
        show(text, NotificationVariant.LUMO_SUCCESS);
    }

    static void warn(String text) {
        show(text, NotificationVariant.LUMO_WARNING);
    }

    static void error(String text) {
        show(text, NotificationVariant.LUMO_ERROR);
    }

    private static void show(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
        notification.setId("delivery-notice");
    }
}
