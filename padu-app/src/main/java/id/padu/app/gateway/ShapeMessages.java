package id.padu.app.gateway;

import id.padu.text.Bundles;
import java.util.List;
import java.util.Locale;

/** Texts of the shape commands, Bahasa Indonesia by default, English. */
public final class ShapeMessages {

    private ShapeMessages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return format(locale, key, List.of(args));
    }

    public static String format(Locale locale, String key, List<Object> args) {
        return Bundles.format("id.padu.app.gateway.messages", locale, key, args.stream().map(String::valueOf).toArray());
    }
}
