package org.reintegra.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the translated Vaadin bundles in {@code vaadin-i18n/} against the English reference bundle
 * {@code translations.properties}: same keys, no blank values, same {n} placeholders, strictly valid UTF-8,
 * and a DRAFT header on every bundle still marked {@code i18n.review-status=draft}.
 */
class TranslationBundlesTest {

    private static final String FOLDER = "vaadin-i18n/";
    private static final String REFERENCE = FOLDER + "translations.properties";
    private static final List<String> LANGUAGES = List.of("ka", "ru", "ky", "kk");

    /** Metadata key: not a UI text, may or may not be present in English, every translation must declare it. */
    private static final String REVIEW_STATUS = "i18n.review-status";
    private static final Set<String> REVIEW_STATUSES = Set.of("draft", "reviewed");
    private static final String DRAFT_HEADER_MARKER = "DRAFT translation";

    /** A MessageFormat argument: {0}, {1,number}, { 2 ,date,short} ... */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");

    private static String resourceOf(String language) {
        return FOLDER + "translations_" + language + ".properties";
    }

    @TestFactory
    Stream<DynamicNode> everyTranslationMatchesTheEnglishReference() {
        return LANGUAGES.stream().map(language -> {
            String resource = resourceOf(language);
            return dynamicContainer(language + " (" + resource + ")", Stream.of(
                    dynamicTest("file exists on the classpath", () -> assertNotNull(
                            classLoader().getResource(resource),
                            "Translation bundle " + resource + " is missing from the classpath")),
                    dynamicTest("file is valid UTF-8 without BOM", () -> assertTrue(
                            !decodeStrictly(resource, readBytes(resource)).startsWith("\uFEFF"),
                            resource + " starts with a byte order mark; save it as UTF-8 without BOM")),
                    dynamicTest("has every key of the English bundle", () -> {
                        Set<String> missing = new TreeSet<>(uiKeys(english()));
                        missing.removeAll(load(resource).stringPropertyNames());
                        assertTrue(missing.isEmpty(), () -> resource + " lacks " + missing.size()
                                + " key(s) of " + REFERENCE + ": " + missing);
                    }),
                    dynamicTest("has no key the English bundle lacks", () -> {
                        Set<String> extra = new TreeSet<>(uiKeys(load(resource)));
                        extra.removeAll(english().stringPropertyNames());
                        assertTrue(extra.isEmpty(), () -> resource + " has " + extra.size()
                                + " key(s) that " + REFERENCE + " does not have: " + extra);
                    }),
                    dynamicTest("has no blank value", () -> {
                        Properties bundle = load(resource);
                        Set<String> blank = bundle.stringPropertyNames().stream()
                                .filter(key -> bundle.getProperty(key).isBlank())
                                .collect(Collectors.toCollection(TreeSet::new));
                        assertTrue(blank.isEmpty(), () -> resource + " has blank values for: " + blank);
                    }),
                    dynamicTest("uses the same {n} placeholders as English", () -> {
                        Properties english = english();
                        Properties bundle = load(resource);
                        Map<String, String> mismatches = new TreeMap<>();
                        for (String key : uiKeys(english)) {
                            String translated = bundle.getProperty(key);
                            if (translated == null) {
                                continue; // reported by the missing-keys test
                            }
                            Set<Integer> expected = placeholders(english.getProperty(key));
                            Set<Integer> actual = placeholders(translated);
                            if (!expected.equals(actual)) {
                                mismatches.put(key, "English " + expected + " but " + actual);
                            }
                        }
                        assertTrue(mismatches.isEmpty(), () -> resource + " placeholder mismatches: " + mismatches);
                    }),
                    dynamicTest("patterns with placeholders survive MessageFormat (no lone apostrophe)", () -> {
                        Properties bundle = load(resource);
                        Map<String, String> broken = new TreeMap<>();
                        for (String key : uiKeys(bundle)) {
                            String pattern = bundle.getProperty(key);
                            Set<Integer> indices = placeholders(pattern);
                            if (indices.isEmpty()) {
                                continue; // rendered verbatim, MessageFormat is not applied
                            }
                            String problem = renderProblem(pattern, indices, Locale.forLanguageTag(language));
                            if (problem != null) {
                                broken.put(key, problem);
                            }
                        }
                        assertTrue(broken.isEmpty(), () -> resource + " has patterns MessageFormat breaks "
                                + "(double a literal ' as ''): " + broken);
                    }),
                    dynamicTest("declares " + REVIEW_STATUS, () -> {
                        String status = load(resource).getProperty(REVIEW_STATUS);
                        assertNotNull(status, resource + " must declare " + REVIEW_STATUS + "=draft|reviewed");
                        assertTrue(REVIEW_STATUSES.contains(status.trim()), () -> resource + " has "
                                + REVIEW_STATUS + "=" + status + ", expected one of " + REVIEW_STATUSES);
                    })));
        });
    }

    @Test
    void everyDraftBundleSaysSoInItsHeader() {
        List<String> resources = Stream.concat(Stream.of(REFERENCE),
                LANGUAGES.stream().map(TranslationBundlesTest::resourceOf)).toList();
        for (String resource : resources) {
            if (classLoader().getResource(resource) == null) {
                continue; // reported by the file-exists test
            }
            String text = decodeStrictly(resource, readBytes(resource));
            Properties bundle = parse(resource, text);
            if (!"draft".equals(bundle.getProperty(REVIEW_STATUS, "").trim())) {
                continue;
            }
            List<String> header = text.lines()
                    .map(String::strip)
                    .takeWhile(line -> line.isEmpty() || line.startsWith("#") || line.startsWith("!"))
                    .filter(line -> !line.isEmpty())
                    .toList();
            assertTrue(header.stream().anyMatch(line -> line.contains(DRAFT_HEADER_MARKER)
                            && line.toLowerCase(Locale.ROOT).contains("native speaker")),
                    () -> resource + " is marked " + REVIEW_STATUS + "=draft, so its leading comment lines must "
                            + "say '" + DRAFT_HEADER_MARKER + "' and that it needs review by a native speaker; "
                            + "header was: " + header);
        }
    }

    @Test
    void englishReferenceIsLoadableAndNotEmpty() {
        Properties english = english();
        assertTrue(uiKeys(english).size() > 0, REFERENCE + " has no keys");
        assertEquals("Reintegra", english.getProperty("app.name"), REFERENCE + " app.name");
    }

    // ---------------------------------------------------------------------------------------------

    private static Set<String> uiKeys(Properties bundle) {
        Set<String> keys = new TreeSet<>(bundle.stringPropertyNames());
        keys.remove(REVIEW_STATUS);
        return keys;
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> indices = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            indices.add(Integer.valueOf(matcher.group(1)));
        }
        return indices;
    }

    /** Formats the pattern with marker arguments; returns null when every placeholder was substituted. */
    private static String renderProblem(String pattern, Set<Integer> indices, Locale locale) {
        int size = indices.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Object[] arguments = new Object[size];
        for (int i = 0; i < size; i++) {
            arguments[i] = "\u27e6arg" + i + "\u27e7";
        }
        String rendered;
        try {
            rendered = new MessageFormat(pattern, locale).format(arguments);
        } catch (IllegalArgumentException e) {
            return "does not parse: " + e.getMessage();
        }
        for (int index : indices) {
            if (!rendered.contains((String) arguments[index])) {
                return "{" + index + "} not substituted, rendered as: " + rendered;
            }
        }
        return null;
    }

    private static Properties english() {
        return load(REFERENCE);
    }

    private static Properties load(String resource) {
        return parse(resource, decodeStrictly(resource, readBytes(resource)));
    }

    private static Properties parse(String resource, String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            fail(resource + " is not a valid .properties file: " + e.getMessage(), e);
        }
        return properties;
    }

    private static byte[] readBytes(String resource) {
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "Bundle " + resource + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static String decodeStrictly(String resource, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fail(resource + " is not valid UTF-8 (" + e + "); save it as UTF-8 without escapes", e);
        }
    }

    private static ClassLoader classLoader() {
        return TranslationBundlesTest.class.getClassLoader();
    }
}
