package io.cloudjar.lightsail;

import io.cloudjar.core.spi.InternalResource;
import io.cloudjar.core.spi.PlainRequest;
import io.cloudjar.core.spi.PlainResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_cloudjar/lightsail/bill[?account=123456789012][&region=us-east-1]}: what the current Lightsail
 * resources would cost in a month, per region and in total (JSON), from {@link Charges}. Without {@code account} it is
 * the default account's bill (000000000000, or DEFAULT_ACCOUNT_ID); without {@code region}, every Lightsail region.
 */
public final class BillEndpoint extends LightsailProvider implements InternalResource {
    private String defaultAccount = "000000000000";

    @Override
    public void init(io.cloudjar.core.spi.ServiceContext context) {
        super.init(context);
        defaultAccount = context.config().defaultAccount() == null ? defaultAccount : context.config().defaultAccount();
    }

    @Override
    public String pathPrefix() {
        return "/_cloudjar/lightsail/";
    }

    @Override
    public PlainResponse handle(PlainRequest request) {
        if (!request.subPath().equals("bill") && !request.subPath().equals("bill/")) {
            return PlainResponse.json(404, "application/json", Map.of("error", "Not found: " + request.path()), true);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return PlainResponse.json(405, "application/json", Map.of("error", "Use GET"), true);
        }
        Map<String, String> query = query(request.query());
        String account = query.getOrDefault("account", defaultAccount);
        if (!account.matches("\\d{12}")) {
            return PlainResponse.json(400, "application/json", Map.of("error", "account must be 12 digits"), true);
        }
        List<String> regions = query.containsKey("region") ? List.of(query.get("region")) : RegionsProvider.LIGHTSAIL_REGIONS;
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
        return PlainResponse.json(200, "application/json", bill, true);
    }

    private static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.isEmpty() ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
