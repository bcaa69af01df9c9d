package nl.doorstroom.trajectory.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** @param signalAfterWeeks how many weeks after the link or move a person without a next step is signalled */
@Validated
@ConfigurationProperties("doorstroom.trajectory")
public record SignalProperties(@DefaultValue("4") @Min(1) @Max(104) int signalAfterWeeks) {
}
