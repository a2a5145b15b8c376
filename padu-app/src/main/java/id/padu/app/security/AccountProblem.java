package id.padu.app.security;

/** An account change refused because of one field ({@code username}, {@code password}, {@code agency}, {@code email}). */
class AccountProblem extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    AccountProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** The field an {@link IllegalArgumentException} of an account change is about ({@code body} when it names none). */
    static String fieldOf(IllegalArgumentException e) {
        return e instanceof AccountProblem p ? p.field() : "body";
    }
}
