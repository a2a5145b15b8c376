package id.padu.app.secrets;

import id.padu.app.shared.KeyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM in plain Java (the server's {@link SecretBox} and {@code padu secrets rotate} share
 * it). A ciphertext is {@code v1:} + base64(12-byte random nonce, ciphertext and 16-byte tag); the
 * secret's name is bound in as associated data, so a ciphertext copied onto another name's row
 * does not decrypt.
 */
public final class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the secret key must be 32 bytes (base64 of 32 random bytes), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static SecretCipher ofBase64(String base64) {
        return new SecretCipher(Base64.getDecoder().decode(base64.trim()));
    }

    public String encrypt(String name, String plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, nonce.length + ct.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plaintext; {@link IllegalArgumentException} when the key or the name is wrong, or the text was altered. */
    public String decrypt(String name, String ciphertext) {
        if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Padu ciphertext");
        }
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("secret " + name + " does not decrypt with this key", e);
        }
    }

    /** Reads a key file (base64 of 32 bytes). */
    public static byte[] readKeyFile(Path file) throws IOException {
        return KeyFiles.read(file);
    }

    /** Writes {@code key} to {@code file} readable by its owner only (0600), replacing it atomically. */
    public static void writeKeyFile(Path file, byte[] key) throws IOException {
        KeyFiles.write(file, key);
    }

    public static byte[] newKey() {
        return KeyFiles.newKey();
    }
}
