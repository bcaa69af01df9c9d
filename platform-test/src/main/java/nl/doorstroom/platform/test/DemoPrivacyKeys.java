package nl.doorstroom.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code @SpringBootTest} the platform's public DEMO privacy settings ({@code doorstroom.privacy.*}: a
 * pseudonym secret per domain and a master key), so the privacy beans ({@code Pseudonyms}, {@code SubjectKeys},
 * {@code PersonalDataCipher}) are there. They have the lowest precedence: a test's own values win. Tests without
 * this annotation get no privacy settings, as a service that does not set them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface DemoPrivacyKeys {
}
