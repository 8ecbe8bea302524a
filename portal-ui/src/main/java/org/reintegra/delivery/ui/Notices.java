package org.reintegra.delivery.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages at the top of the screen. */
final class Notices {

    private Notices() {
    }

    /**
     * Carries out a change asked for on a screen and says how it went: done, changed meanwhile by
     * someone else (or gone), or refused with the service's reason.
     */
    static void attempt(com.vaadin.flow.component.Component screen, String successKey, Runnable change) {
        try {
            change.run();
            success(screen.getTranslation(successKey));
        } catch (org.reintegra.referral.ReferralChangedMeanwhile | org.reintegra.referral.ReferralNotFound gone) {
            warn(screen.getTranslation("notice.changed-meanwhile"));
        } catch (org.reintegra.access.InputRejected refused) {
            error(screen.getTranslation(refused.messageKey()));
        }
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
