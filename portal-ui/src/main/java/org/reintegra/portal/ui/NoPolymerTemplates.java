package org.reintegra.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.template.internal.DeprecatedPolymerPublishedEventHandler;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.lang.reflect.Type;

/**
 * Tells Vaadin that the portal has no Polymer templates, so that it stops looking for them on every
 * client event.
 *
 * <p>For each argument of an event from the browser (a grid's row click, a field's change), Vaadin
 * asks its {@code Lookup} for a {@link DeprecatedPolymerPublishedEventHandler}. Without one
 * registered at start-up, the lookup runs a {@code ServiceLoader} over the whole class path, every
 * time: at 500 users Flight Recorder found request threads queued on the jars' locks under it
 * (docs/benchmarks.md, stop 24). Vaadin's start-up registers this class, as the portal's only
 * implementation; its answer, "not a template model value", is what Vaadin assumes when none exists.
 */
public class NoPolymerTemplates implements DeprecatedPolymerPublishedEventHandler {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isTemplateModelValue(Component instance, JsonValue argValue, Class<?> convertedType) {
        return false;
    }

    @Override
    public Object getTemplateItem(Component template, JsonObject argValue, Type convertedType) {
        throw new UnsupportedOperationException("The portal has no Polymer templates");
    }
}
