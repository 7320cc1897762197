package io.kafmirror.bench;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;

/**
 * Payment events as a typical business topic carries them: a 16-byte customer key, a JSON value
 * of about 1 KiB, and trace headers on some records. Field names and vocabularies repeat like real
 * JSON does, while ids, amounts and a signature stay random, so codecs see a realistic ratio
 * rather than the best case of repeated text.
 */
final class PaymentEvents {

    private static final String[] TYPES = {"payment.authorized", "payment.captured", "payment.refunded", "payment.declined"};
    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "CHF", "SEK", "PLN"};
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "AT", "IT", "ES", "SE", "PL", "GB", "IE"};
    private static final String[] FIRST_NAMES = {"Anna", "Lukas", "Sofia", "Jonas", "Marie", "Elias", "Emma", "Noah", "Lea", "Finn"};
    private static final String[] LAST_NAMES = {"Schmidt", "Dubois", "de Vries", "Rossi", "Garcia", "Nilsson", "Kowalski", "Murphy"};
    private static final String[] MERCHANTS = {"Corner Grocer", "City Books", "Nordic Outdoor", "Cafe Lumen", "TechHub Store", "Green Pharmacy"};
    private static final String[] PRODUCTS = {"coffee beans 1kg", "usb-c cable", "paperback novel", "rain jacket", "vitamin d3",
        "notebook a5", "headphones", "running socks", "oat milk", "phone case"};
    private static final String[] RULES = {"velocity", "geo-mismatch", "new-device", "high-amount", "night-time", "bin-country"};
    private static final double HEADER_SHARE = 0.1;
    private static final int CUSTOMERS = 100_000;

    private final Random random;

    /** Events drawn from {@code random}, so a fixed seed gives the same events every run. */
    PaymentEvents(Random random) {
        this.random = random;
    }

    /** The next event, stored at {@code offset} with CreateTime {@code timestamp}. */
    KfsRecord next(long offset, long timestamp) {
        int customer = random.nextInt(CUSTOMERS);
        byte[] key = String.format(Locale.ROOT, "cust-%011d", customer).getBytes(StandardCharsets.US_ASCII);
        byte[] value = value(customer, timestamp).getBytes(StandardCharsets.UTF_8);
        Header[] headers = random.nextDouble() < HEADER_SHARE ? traceHeaders() : null;
        return new KfsRecord(offset, timestamp, TimestampType.CREATE_TIME, key, value, headers);
    }

    private String value(int customer, long timestamp) {
        StringBuilder json = new StringBuilder(1200);
        json.append("{\"eventId\":\"").append(new UUID(random.nextLong(), random.nextLong()))
                .append("\",\"type\":\"").append(pick(TYPES))
                .append("\",\"occurredAt\":").append(timestamp)
                .append(",\"customer\":{\"id\":\"cust-").append(String.format(Locale.ROOT, "%011d", customer))
                .append("\",\"name\":\"").append(FIRST_NAMES[customer % FIRST_NAMES.length]).append(' ')
                .append(LAST_NAMES[customer % LAST_NAMES.length])
                .append("\",\"email\":\"customer").append(customer).append("@example.com\",\"country\":\"")
                .append(COUNTRIES[customer % COUNTRIES.length]).append("\",\"tier\":\"")
                .append(customer % 7 == 0 ? "gold" : "standard").append("\"}");
        json.append(",\"amount\":{\"value\":").append(cents()).append(",\"currency\":\"").append(pick(CURRENCIES)).append("\"}");
        json.append(",\"merchant\":{\"id\":\"m-").append(random.nextInt(5000)).append("\",\"name\":\"").append(pick(MERCHANTS))
                .append("\",\"mcc\":\"").append(5000 + random.nextInt(1000)).append("\"}");
        json.append(",\"items\":[");
        int items = 2 + random.nextInt(5);
        for (int i = 0; i < items; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(100_000 + random.nextInt(900_000))
                    .append("\",\"description\":\"").append(pick(PRODUCTS)).append("\",\"quantity\":").append(1 + random.nextInt(4))
                    .append(",\"unitPrice\":").append(cents()).append('}');
        }
        json.append("],\"risk\":{\"score\":").append(random.nextInt(1000) / 1000.0).append(",\"rules\":[\"")
                .append(pick(RULES)).append("\",\"").append(pick(RULES)).append("\"]}");
        json.append(",\"device\":{\"ip\":\"10.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append('.')
                .append(random.nextInt(256)).append("\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/")
                .append(110 + random.nextInt(20)).append(".0.0.0 Safari/537.36\"}");
        json.append(",\"signature\":\"").append(Base64.getEncoder().encodeToString(randomBytes(48))).append("\"}");
        return json.toString();
    }

    private Header[] traceHeaders() {
        String traceparent = "00-" + HexFormat.of().formatHex(randomBytes(16)) + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        return new Header[] {
            new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII)),
            new RecordHeader("source", "checkout-service".getBytes(StandardCharsets.US_ASCII))
        };
    }

    private String cents() {
        int cents = 50 + random.nextInt(50_000);
        return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
