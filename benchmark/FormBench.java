import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Query-protocol form decoding: one EC2 {@code DescribeVpcs} form POST with N filters
 * ({@code Filter.N.Name=vpc-id&Filter.N.Value.1=vpc-…}, about 55 bytes each), timed end to end with the JDK's
 * HTTP client (no SDK: its serializer would dominate). Every filter names the default VPC, so each answer
 * holds exactly that VPC and the server reads every filter. Linear decoding shows as ms growing with N.
 * Run by form-bench.sh; alone: {@code java benchmark/FormBench.java http://127.0.0.1:4566 [samples] [sizes…]}.
 */
public final class FormBench {
    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int[] sizes = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {5_000, 20_000, 80_000};
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String defaultVpc = defaultVpc(http, endpoint);
        post(http, endpoint, form(1_000, defaultVpc)); // warm the JIT and load DescribeVpcs' classes
        for (int size : sizes) {
            String body = form(size, defaultVpc);
            long[] ms = new long[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                String answer = post(http, endpoint, body);
                ms[i] = (System.nanoTime() - start) / 1_000_000;
                if (!answer.contains("<vpcId>" + defaultVpc + "</vpcId>")) {
                    throw new IllegalStateException("unexpected answer to " + size + " filters: " + answer);
                }
            }
            Arrays.sort(ms);
            System.out.printf("filters %,7d  form %,9d bytes  median %,7d ms  min %,7d ms  (%d samples)%n",
                    size, body.length(), ms[samples / 2], ms[0], samples);
        }
    }

    private static String form(int filters, String vpcId) {
        StringBuilder body = new StringBuilder(filters * 60).append("Action=DescribeVpcs&Version=2016-11-15");
        for (int i = 1; i <= filters; i++) {
            body.append("&Filter.").append(i).append(".Name=vpc-id&Filter.").append(i).append(".Value.1=").append(vpcId);
        }
        return body.toString();
    }

    private static String defaultVpc(HttpClient http, URI endpoint) throws Exception {
        String answer = post(http, endpoint, "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=is-default&Filter.1.Value.1=true");
        int start = answer.indexOf("<vpcId>") + "<vpcId>".length();
        return answer.substring(start, answer.indexOf("</vpcId>", start));
    }

    /** An unsigned form POST: Cloudjar reads Action and Version to route it, as for curl. */
    private static String post(HttpClient http, URI endpoint, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
