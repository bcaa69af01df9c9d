package nl.doorstroom.platform.privacy;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when any {@code doorstroom.privacy.*} property is set (in any form Spring's relaxed binding accepts, such
 * as {@code DOORSTROOM_PRIVACY_MASTERKEY}). A service that sets none of them starts without the privacy beans; one
 * that sets some must set all.
 */
class OnPrivacySettingsCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, String> settings = Binder.get(context.getEnvironment())
                .bind(PrivacyProperties.PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return settings.isEmpty()
                ? ConditionOutcome.noMatch("no " + PrivacyProperties.PREFIX + ".* settings")
                : ConditionOutcome.match(PrivacyProperties.PREFIX + ".* settings present: " + settings.keySet());
    }
}
