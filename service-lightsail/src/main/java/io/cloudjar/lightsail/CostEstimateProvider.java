package io.cloudjar.lightsail;

import io.cloudjar.core.spi.CallContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lightsail.model.CostEstimate;
import software.amazon.awssdk.services.lightsail.model.Currency;
import software.amazon.awssdk.services.lightsail.model.EstimateByTime;
import software.amazon.awssdk.services.lightsail.model.GetCostEstimateRequest;
import software.amazon.awssdk.services.lightsail.model.GetCostEstimateResponse;
import software.amazon.awssdk.services.lightsail.model.PricingUnit;
import software.amazon.awssdk.services.lightsail.model.ResourceBudgetEstimate;
import software.amazon.awssdk.services.lightsail.model.TimePeriod;

/**
 * GetCostEstimate: what a resource costs over a time window, day by day (UTC), from {@link Charges}; the hours before
 * the resource existed cost nothing. Windows longer than a year are refused.
 */
public final class CostEstimateProvider extends LightsailProvider {
    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    public GetCostEstimateResponse getCostEstimate(CallContext ctx, GetCostEstimateRequest request) {
        Instant start = request.startTime();
        Instant end = request.endTime();
        if (!end.isAfter(start)) {
            throw LightsailErrors.invalidInput("The end time must be after the start time.");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw LightsailErrors.invalidInput("The time window cannot be longer than %d days.", MAX_WINDOW.toDays());
        }
        Charges.Charge charge = Charges.of(state(ctx)).stream().filter(c -> c.resourceName().equals(request.resourceName()))
                .findFirst()
                .orElseThrow(() -> LightsailErrors.notFound("The resource does not exist: %s", request.resourceName()));
        List<EstimateByTime> days = new ArrayList<>();
        for (Instant day = start.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant(); day.isBefore(end);
             day = day.plus(Duration.ofDays(1))) {
            Instant from = latest(day, start, charge.since());
            Instant to = day.plus(Duration.ofDays(1)).isBefore(end) ? day.plus(Duration.ofDays(1)) : end;
            if (!to.isAfter(from)) {
                continue;
            }
            double hours = Duration.between(from, to).toSeconds() / 3600.0;
            double cost = charge.hourly() * hours;
            double unit = charge.unit() == PricingUnit.GB_MO ? charge.quantity() * hours / Charges.HOURS_PER_MONTH : hours;
            days.add(EstimateByTime.builder().usageCost(round(cost)).pricingUnit(charge.unit()).unit(round(unit))
                    .currency(Currency.USD).timePeriod(TimePeriod.builder().start(from).end(to).build()).build());
        }
        return GetCostEstimateResponse.builder().resourcesBudgetEstimate(ResourceBudgetEstimate.builder()
                .resourceName(charge.resourceName()).resourceType(charge.resourceType()).startTime(start).endTime(end)
                .costEstimates(CostEstimate.builder().usageType(charge.usageType()).resultsByTime(days).build())
                .build()).build();
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
