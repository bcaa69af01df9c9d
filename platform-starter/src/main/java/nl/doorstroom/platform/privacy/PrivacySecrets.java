package nl.doorstroom.platform.privacy;

import java.util.Base64;

/** Reading secrets from configuration without ever echoing them in an error message. */
final class PrivacySecrets {

    private PrivacySecrets() {
    }

    /** Decodes base64 in the standard or the URL-safe alphabet, padded or not. */
    static byte[] decodeBase64(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new PrivacyConfigurationException(property + " is empty; give it random bytes in base64 "
                    + "(e.g. openssl rand -base64 32)");
        }
        String trimmed = value.trim();
        try {
            return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            // the value itself is a secret: do not put it in the message
            throw new PrivacyConfigurationException(property + " is not valid base64 (" + trimmed.length()
                    + " characters); give it random bytes in base64 (e.g. openssl rand -base64 32)");
        }
    }
}
