package id.padu.app;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free loopback port for the tests that check Padu's e-mail,
 * and the Spring properties that point Padu at it.
 */
public final class LoopbackSmtp {

    private LoopbackSmtp() {
    }

    /** The server on {@code port}; register it with {@code @RegisterExtension}. */
    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Points {@code spring.mail.*} at the server, from a {@code @DynamicPropertySource}. */
    public static void properties(DynamicPropertyRegistry r, int port) {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> port);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
