package id.padu.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way every part of Padu reads its words: Bahasa Indonesia is the base bundle
 * ({@code messages.properties}), English the {@code _en} variant, and there is no fallback to
 * the machine's own locale, so {@code --lang id} on an English system still gives Bahasa
 * Indonesia instead of the English file. A missing key shows the key itself: a text nobody
 * translated yet must never turn a report or an error message into a crash.
 *
 * <p>There is one placeholder rule, {@link MessageFormat} in the message's locale:
 * {@code {0}}, {@code {1,number,#}} ..., and an apostrophe in any pattern is written {@code ''}.
 * A caller that wants an argument shown another way (plain digits, money, a date) passes it as
 * text.
 */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private Bundles() {
    }

    /** The text of {@code key} in bundle {@code baseName} for {@code locale} (null: Bahasa Indonesia), {@code args} put in. */
    public static String format(String baseName, Locale locale, String key, Object... args) {
        Locale l = locale == null ? Locale.ROOT : locale;
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(baseName, l, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, l).format(args);
    }

    /**
     * What is wrong with bundle {@code baseName} on the class path, for a test to show: a key in
     * only one of the two languages, a pattern that {@link MessageFormat} cannot read, or a key
     * whose two languages use other argument numbers. Empty when both files agree.
     */
    public static List<String> problems(String baseName) {
        Properties id = load(baseName + ".properties");
        Properties en = load(baseName + "_en.properties");
        List<String> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(id.stringPropertyNames());
        keys.addAll(en.stringPropertyNames());
        for (String key : keys) {
            String a = id.getProperty(key);
            String b = en.getProperty(key);
            if (a == null || b == null) {
                out.add(baseName + ": " + key + " only in " + (a == null ? "English" : "Bahasa Indonesia"));
                continue;
            }
            try {
                new MessageFormat(a);
                new MessageFormat(b);
            } catch (IllegalArgumentException e) {
                out.add(baseName + ": " + key + " is not a MessageFormat pattern: " + e.getMessage());
                continue;
            }
            if (!arguments(a).equals(arguments(b))) {
                out.add(baseName + ": " + key + " uses arguments " + arguments(a) + " in Bahasa Indonesia, " + arguments(b) + " in English");
            }
        }
        return out;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static Properties load(String name) {
        String path = name.replace('.', '/').replaceFirst("/properties$", ".properties");
        Properties p = new Properties();
        try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundle file " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(path, e);
        }
        return p;
    }
}
