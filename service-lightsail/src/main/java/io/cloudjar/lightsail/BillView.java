package io.cloudjar.lightsail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bill {@code /_cloudjar/lightsail/bill} answers: each region's priced resources ({@link Charges}) and totals. */
final class BillView {
    private BillView() {
    }

    static Map<String, Object> of(LightsailStore store, String account, List<String> regions) {
        List<Map<String, Object>> perRegion = new ArrayList<>();
        double total = 0;
        for (String region : regions) {
            List<Charges.Charge> charges = Charges.of(store.get(account, region));
            if (charges.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> items = new ArrayList<>();
            double regionTotal = 0;
            for (Charges.Charge c : charges) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("resourceName", c.resourceName());
                item.put("resourceType", c.resourceType().toString());
                item.put("usageType", c.usageType());
                item.put("pricingUnit", c.unit().toString());
                item.put("quantity", c.quantity());
                item.put("monthlyUsd", c.monthly());
                items.add(item);
                regionTotal += c.monthly();
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("region", region);
            entry.put("items", items);
            entry.put("monthlyUsd", cents(regionTotal));
            perRegion.add(entry);
            total += regionTotal;
        }
        Map<String, Object> bill = new LinkedHashMap<>();
        bill.put("account", account);
        bill.put("currency", "USD");
        bill.put("asOf", store.now().toString());
        bill.put("hoursPerMonth", Charges.HOURS_PER_MONTH);
        bill.put("regions", perRegion);
        bill.put("monthlyUsd", cents(total));
        return bill;
    }

    private static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }
}
