package org.reintegra.portal.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonValue;

/**
 * Copies Vaadin's elemental JSON into Jackson's tree, node for node, giving what Vaadin's
 * {@code JacksonUtils.mapElemental} gives by writing the elemental value out as text and parsing
 * the text with Jackson: the same keys in the same order, the same strings, and numbers as Jackson
 * reads elemental's text of them (a whole number below ten million as an int, anything else as a
 * double, a value that is not a number as null). Used by the shadowed
 * {@code com.vaadin.flow.internal.change.NodeChange} (ADR 0015).
 */
public final class ElementalJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Below this, Java writes a whole double without an exponent ("1234567.0"), and elemental drops the ".0". */
    private static final double PLAIN_LIMIT = 1e7;

    private ElementalJson() {
    }

    public static ObjectNode toJackson(JsonObject object) {
        ObjectNode copy = NODES.objectNode();
        for (String key : object.keys()) {
            JsonValue value = object.get(key); // typed, else Java infers a JsonObject
            copy.set(key, value(value));
        }
        return copy;
    }

    private static JsonNode value(JsonValue value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        return switch (value.getType()) {
            case OBJECT -> toJackson((JsonObject) value);
            case ARRAY -> array((JsonArray) value);
            case STRING -> TextNode.valueOf(value.asString());
            case NUMBER -> number(value.asNumber());
            case BOOLEAN -> BooleanNode.valueOf(value.asBoolean());
            case NULL -> NullNode.getInstance();
        };
    }

    private static ArrayNode array(JsonArray array) {
        ArrayNode copy = NODES.arrayNode(array.length());
        for (int i = 0; i < array.length(); i++) {
            JsonValue item = array.get(i);
            copy.add(value(item));
        }
        return copy;
    }

    /**
     * As Jackson reads elemental's text of the number: elemental writes Java's text and drops a
     * trailing ".0", so a whole number below ten million is written "5" (an int to Jackson) and
     * anything else keeps its point or exponent ("1.5", "1.0E7": a double of the same value).
     */
    private static JsonNode number(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return NullNode.getInstance(); // elemental writes null
        }
        if (number == Math.rint(number) && Math.abs(number) < PLAIN_LIMIT) {
            return IntNode.valueOf((int) number);
        }
        return DoubleNode.valueOf(number);
    }
}
