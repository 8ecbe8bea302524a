package org.reintegra.performance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart: the {@code <reintegra-bar-chart>} web component around Chart.js, bundled by the
 * Vaadin build. Each series maps a label to one value per category; null draws no bar (a hidden
 * small cell). The chart is an image to assistive technology; the page shows the same numbers in
 * a table.
 */
@Tag("reintegra-bar-chart")
@JsModule("./reintegra-bar-chart.js")
@NpmPackage(value = "chart.js", version = "4.6.1")
public class BarChart extends Component implements HasSize {

    private static final long serialVersionUID = 1L;

    public BarChart() {
        setWidthFull();
        setHeight("18rem");
    }

    /** Draws the categories with one bar per series; {@code percent} scales a 0..1 axis as percentages. */
    public void show(String title, List<String> categories, Map<String, List<Double>> series, boolean percent) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        categories.forEach(labels::add);
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Map.Entry<String, List<Double>> set : new LinkedHashMap<>(series).entrySet()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (Double value : set.getValue()) {
                if (value == null) {
                    values.addNull();
                } else {
                    values.add(value);
                }
            }
            datasets.add(Json.createObjectBuilder().add("label", set.getKey()).add("data", values));
        }
        JsonObjectBuilder spec = Json.createObjectBuilder().add("title", title).add("percent", percent)
                .add("labels", labels).add("datasets", datasets);
        getElement().setAttribute("data", spec.build().toString());
    }
}
