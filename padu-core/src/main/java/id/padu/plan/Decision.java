package id.padu.plan;

import java.util.Locale;

/** Whether an agency joins the central network or keeps its own internet. */
public enum Decision {
    CENTRAL, LOCAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
