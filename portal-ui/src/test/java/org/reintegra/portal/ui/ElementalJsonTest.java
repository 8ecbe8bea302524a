package org.reintegra.portal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.change.NodeChange;
import com.vaadin.flow.server.Version;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import elemental.json.JsonValue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The copy of elemental JSON into Jackson's tree answers exactly as Vaadin's own conversion
 * through text, and the shadowed {@code NodeChange} is the one in use, taken from the Vaadin
 * version in use (ADR 0015).
 */
class ElementalJsonTest {

    @Test
    void copiesLikeVaadinsConversionThroughText() {
        JsonObject object = Json.createObject();
        object.put("node", 42);
        object.put("zero", 0);
        object.put("negativeZero", -0.0);
        object.put("half", 1.5);
        object.put("belowTenMillion", 9_999_999);
        object.put("tenMillion", 1e7);
        object.put("large", 12_345_678_901d);
        object.put("tiny", 0.0001);
        object.put("negative", -273.15);
        object.put("notANumber", Double.NaN);
        object.put("infinite", Double.NEGATIVE_INFINITY);
        object.put("text", "Tsiklauri «Ბერიძე» Абенов \"quoted\" \\ back\nline\ttab \u0001 \uD83D\uDE00");
        object.put("empty", "");
        object.put("yes", true);
        object.put("no", false);
        object.put("nothing", Json.createNull());
        JsonArray list = Json.createArray();
        list.set(0, 1);
        list.set(1, "two");
        list.set(2, Json.createObject());
        list.set(3, Json.createArray());
        list.set(4, Json.createNull());
        object.put("list", list);
        JsonObject nested = Json.createObject();
        nested.put("inner", (JsonValue) object.get("list"));
        object.put("nested", nested);

        assertEquals(JacksonUtils.mapElemental(object), ElementalJson.toJackson(object));
        assertEquals(JacksonUtils.mapElemental(object).toString(), ElementalJson.toJackson(object).toString());
    }

    @Test
    void copiesRandomTreesLikeVaadinsConversionThroughText() {
        Random random = new Random(25);
        for (int i = 0; i < 2_000; i++) {
            JsonObject object = randomObject(random, 3);
            assertEquals(JacksonUtils.mapElemental(object).toString(), ElementalJson.toJackson(object).toString(),
                    object.toJson());
            assertEquals(JacksonUtils.mapElemental(object), ElementalJson.toJackson(object), object.toJson());
        }
    }

    @Test
    void theShadowedNodeChangeIsInUseAndWasTakenFromThisVaadin() {
        String location = NodeChange.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith("/classes/"), "the portal's own NodeChange, not flow-server's: " + location);
        assertEquals("24.9.5", Version.getFullVersion(), "Vaadin moved: compare com.vaadin.flow.internal.change."
                + "NodeChange with the new flow-server's, take it again or drop it (ADR 0015)");
    }

    private static JsonObject randomObject(Random random, int depth) {
        JsonObject object = Json.createObject();
        int keys = random.nextInt(5);
        for (int k = 0; k < keys; k++) {
            object.put("k" + random.nextInt(1000), randomValue(random, depth));
        }
        return object;
    }

    private static JsonValue randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 7 : 5)) {
            case 0:
                return Json.create(randomNumber(random));
            case 1:
                StringBuilder text = new StringBuilder();
                for (int c = random.nextInt(8); c > 0; c--) {
                    text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
                }
                return Json.create(text.toString());
            case 2:
                return Json.create(random.nextBoolean());
            case 3:
                return Json.createNull();
            case 4:
                return Json.create(random.nextInt(100));
            case 5:
                JsonArray array = Json.createArray();
                for (int i = random.nextInt(4) - 1; i >= 0; i--) {
                    array.set(array.length(), randomValue(random, depth - 1));
                }
                return array;
            default:
                return randomObject(random, depth - 1);
        }
    }

    private static double randomNumber(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextLong();
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3 -> Math.pow(10, random.nextInt(12)) * (random.nextBoolean() ? 1 : -1);
            default -> random.nextInt(20_000_000) - 10_000_000;
        };
    }
}
