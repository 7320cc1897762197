package io.kafmirror.app.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The demo's business events: a checkout is an {@code order.created} on {@link #ORDERS}, keyed by customer so a
 * customer's orders stay in order, and most of the time a payment event for it on {@link #PAYMENTS}, keyed by order.
 * Values are JSON of a few hundred bytes whose field names repeat while ids and amounts vary, so compression sees
 * what it sees in production; every record carries the headers services add (trace, producer, content type).
 */
public final class DemoEvents {

    /** The orders topic. */
    public static final String ORDERS = "orders";
    /** The payments topic. */
    public static final String PAYMENTS = "payments";
    /** The audit topic: who did what in the shop's back office. */
    public static final String AUDIT = "audit";
    /** The payment service's version whose events are corrupt, as a bad deploy writes them. */
    static final String BAD_VERSION = "payment-service 2.14.0";

    private static final String[] COUNTRIES = {"DE", "FR", "NL", "AT", "IT", "ES", "SE", "PL", "GB", "IE"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "GBP", "SEK", "PLN", "CHF"};
    private static final String[] CHANNELS = {"web", "ios", "android", "store"};
    private static final String[] PRODUCTS = {"coffee beans 1kg", "usb-c cable", "paperback novel", "rain jacket",
        "vitamin d3", "notebook a5", "headphones", "running socks", "oat milk", "phone case"};
    private static final String[] METHODS = {"card", "card", "card", "paypal", "sepa_debit", "apple_pay", "klarna"};
    private static final String[] PAYMENT_OUTCOMES = {"payment.authorized", "payment.authorized", "payment.authorized",
        "payment.authorized", "payment.authorized", "payment.authorized", "payment.authorized", "payment.declined"};
    private static final String[] STAFF = {"a.kowalski", "m.dubois", "j.svensson", "l.rossi", "s.garcia", "k.novak"};
    private static final String[] AUDIT_ACTIONS = {"user.login", "user.login", "user.login", "refund.approved",
        "price.changed", "role.granted", "user.logout", "export.downloaded"};
    private static final int CUSTOMERS = 50_000;
    private static final double PAID_SHARE = 0.8;

    private final Random random;

    /** Events drawn from {@code random}. */
    public DemoEvents(Random random) {
        this.random = random;
    }

    /** One checkout at {@code timestamp}: the order, then usually its payment. */
    public List<ProducerRecord<byte[], byte[]>> checkout(long timestamp) {
        return checkout(timestamp, false);
    }

    /**
     * One checkout at {@code timestamp}; during a bad deploy ({@code badDeploy}) its payment event is what a broken
     * release of the payment service writes: cut-off JSON after a stray binary prefix, still labelled JSON.
     */
    public List<ProducerRecord<byte[], byte[]>> checkout(long timestamp, boolean badDeploy) {
        int customer = random.nextInt(CUSTOMERS);
        String orderId = "ord-" + new UUID(random.nextLong(), random.nextLong());
        String currency = CURRENCIES[customer % CURRENCIES.length];
        StringBuilder items = new StringBuilder();
        long total = 0;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            long unitCents = 199 + random.nextInt(12_000);
            int quantity = 1 + random.nextInt(3);
            total += unitCents * quantity;
            items.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(100_000 + random.nextInt(900_000))
                    .append("\",\"name\":\"").append(pick(PRODUCTS)).append("\",\"quantity\":").append(quantity)
                    .append(",\"unitPrice\":").append(money(unitCents)).append('}');
        }
        String customerId = String.format(Locale.ROOT, "cust-%08d", customer);
        String order = "{\"type\":\"order.created\",\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId
                + "\",\"country\":\"" + COUNTRIES[customer % COUNTRIES.length] + "\",\"channel\":\"" + pick(CHANNELS)
                + "\",\"items\":[" + items + "],\"total\":{\"value\":" + money(total) + ",\"currency\":\"" + currency
                + "\"},\"createdAt\":" + timestamp + "}";
        String trace = HexFormat.of().formatHex(bytes(16));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(2);
        records.add(record(ORDERS, timestamp, customerId, utf8(order), "order.created", "checkout-service", trace));
        if (random.nextDouble() < PAID_SHARE) {
            String outcome = pick(PAYMENT_OUTCOMES);
            String payment = "{\"type\":\"" + outcome + "\",\"paymentId\":\"pay-" + new UUID(random.nextLong(),
                    random.nextLong()) + "\",\"orderId\":\"" + orderId + "\",\"amount\":{\"value\":" + money(total)
                    + ",\"currency\":\"" + currency + "\"},\"method\":\"" + pick(METHODS) + "\",\"pspReference\":\""
                    + HexFormat.of().formatHex(bytes(8)).toUpperCase(Locale.ROOT) + "\",\"riskScore\":"
                    + random.nextInt(1000) / 1000.0 + ",\"at\":" + timestamp + "}";
            if (badDeploy) {
                records.add(record(PAYMENTS, timestamp, orderId, corrupt(payment), outcome, BAD_VERSION, trace));
            } else {
                records.add(record(PAYMENTS, timestamp, orderId, utf8(payment), outcome, "payment-service", trace));
            }
        }
        return records;
    }

    /** One back-office action at {@code timestamp}, keyed by the member of staff. */
    public ProducerRecord<byte[], byte[]> auditEntry(long timestamp) {
        String who = pick(STAFF);
        String action = pick(AUDIT_ACTIONS);
        String entry = "{\"type\":\"" + action + "\",\"actor\":\"" + who + "\",\"ip\":\"10.20." + random.nextInt(256)
                + "." + random.nextInt(256) + "\",\"at\":" + timestamp + "}";
        return record(AUDIT, timestamp, who, utf8(entry), action, "backoffice", HexFormat.of().formatHex(bytes(16)));
    }

    private byte[] corrupt(String json) {
        byte[] text = utf8(json.substring(0, 1 + random.nextInt(json.length() / 2)));
        byte[] value = new byte[4 + text.length];
        value[0] = 0;
        value[1] = (byte) 0xff;
        value[2] = (byte) random.nextInt(256);
        value[3] = (byte) random.nextInt(256);
        System.arraycopy(text, 0, value, 4, text.length);
        return value;
    }

    private ProducerRecord<byte[], byte[]> record(String topic, long timestamp, String key, byte[] value, String type,
                                                  String producer, String trace) {
        // One trace across the order and its payment, as a traced checkout produces; only the span differs.
        String traceparent = "00-" + trace + "-" + HexFormat.of().formatHex(bytes(8)) + "-01";
        List<Header> headers = List.of(
                header("traceparent", traceparent),
                header("content-type", "application/json"),
                header("event-type", type),
                header("producer", producer));
        return new ProducerRecord<>(topic, null, timestamp, utf8(key), value, headers);
    }

    private static Header header(String key, String value) {
        return new RecordHeader(key, utf8(value));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
