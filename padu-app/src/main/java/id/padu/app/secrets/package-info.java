/**
 * Secrets: credentials encrypted at rest with AES-GCM ({@link id.padu.app.secrets.SecretCipher})
 * under a key from {@code PADU_SECRET_KEY} or {@code padu.secret-key-file}; values never leave the
 * server through the API or the UI. {@code padu secrets rotate} re-encrypts them under a new key.
 *
 * <p>Public API: {@link id.padu.app.secrets.SecretBox}, {@link id.padu.app.secrets.SecretCipher}.
 */
package id.padu.app.secrets;
