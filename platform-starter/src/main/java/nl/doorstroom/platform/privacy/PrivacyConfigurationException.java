package nl.doorstroom.platform.privacy;

/**
 * The privacy settings ({@code doorstroom.privacy.*}) are missing, too short or malformed; the service refuses to
 * start rather than run without proper keys.
 */
public class PrivacyConfigurationException extends IllegalStateException {

    public PrivacyConfigurationException(String message) {
        super(message);
    }
}
