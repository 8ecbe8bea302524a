package org.reintegra.portal.i18n;

import com.vaadin.cdi.annotation.VaadinServiceEnabled;
import com.vaadin.cdi.annotation.VaadinServiceScoped;
import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The portal's translations: English first, with Georgian, Russian, Kyrgyz and Kazakh bundles
 * ({@code vaadin-i18n/translations_*.properties}, UTF-8). A missing key shows as {@code !key!} and is
 * logged, never as an empty label.
 */
@VaadinServiceEnabled
@VaadinServiceScoped
public class PortalTranslations implements I18NProvider {

    public static final String BUNDLE = "vaadin-i18n.translations";

    public static final List<Locale> LOCALES = List.of(
            Locale.ENGLISH, Locale.forLanguageTag("ka"), Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("ky"), Locale.forLanguageTag("kk"));

    private static final Logger LOG = Logger.getLogger(PortalTranslations.class.getName());

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = locale == null ? Locale.ENGLISH : locale;
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, getClass().getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException missing) {
            LOG.warning(() -> "Missing translation " + key + " for " + effective);
            return "!" + key + "!";
        }
    }
}
