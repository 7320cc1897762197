package io.kafmirror.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The demo's events look like a shop's: JSON orders keyed by customer, payments of those orders keyed by order. */
class DemoEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCheckoutIsAnOrderAndUsuallyItsPaymentOfTheSameAmount() throws IOException {
        DemoEvents events = new DemoEvents(new Random(7));
        int orders = 0;
        int payments = 0;
        for (int i = 0; i < 1000; i++) {
            List<ProducerRecord<byte[], byte[]>> checkout = events.checkout(1_700_000_000_000L + i);
            ProducerRecord<byte[], byte[]> order = checkout.get(0);
            JsonNode orderJson = json.readTree(order.value());
            assertThat(order.topic()).isEqualTo(DemoEvents.ORDERS);
            assertThat(order.timestamp()).isEqualTo(1_700_000_000_000L + i);
            assertThat(text(order.key())).isEqualTo(orderJson.get("customerId").asText()).startsWith("cust-");
            assertThat(orderJson.get("type").asText()).isEqualTo("order.created");
            assertThat(orderJson.get("items")).isNotEmpty();
            orders++;
            if (checkout.size() == 2) {
                ProducerRecord<byte[], byte[]> payment = checkout.get(1);
                JsonNode paymentJson = json.readTree(payment.value());
                assertThat(payment.topic()).isEqualTo(DemoEvents.PAYMENTS);
                assertThat(text(payment.key())).isEqualTo(orderJson.get("orderId").asText())
                        .isEqualTo(paymentJson.get("orderId").asText());
                assertThat(paymentJson.get("amount")).isEqualTo(orderJson.get("total"));
                assertThat(header(payment, "traceparent").substring(0, 35)).isEqualTo(header(order, "traceparent").substring(0, 35));
                payments++;
            }
            assertThat(checkout).hasSizeBetween(1, 2);
        }
        assertThat(payments).as("payments of %d orders", orders).isBetween(700, 900);
    }

    @Test
    void everyRecordCarriesTheHeadersServicesAdd() {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        DemoEvents events = new DemoEvents(new Random(11));
        for (int i = 0; i < 100; i++) {
            records.addAll(events.checkout(i));
        }
        assertThat(records).allSatisfy(r -> {
            assertThat(header(r, "content-type")).isEqualTo("application/json");
            assertThat(header(r, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            assertThat(header(r, "producer")).isIn("checkout-service", "payment-service");
            assertThat(header(r, "event-type")).startsWith(r.topic().equals(DemoEvents.ORDERS) ? "order." : "payment.");
            assertThat(r.value().length).isBetween(150, 1500);
        });
    }

    @Test
    void duringABadDeployPaymentsDoNotParseWhileOrdersStillDo() throws IOException {
        DemoEvents events = new DemoEvents(new Random(13));
        int corrupt = 0;
        for (int i = 0; i < 200; i++) {
            List<ProducerRecord<byte[], byte[]>> checkout = events.checkout(i, true);
            assertThat(json.readTree(checkout.get(0).value()).get("type").asText()).isEqualTo("order.created");
            if (checkout.size() == 2) {
                ProducerRecord<byte[], byte[]> payment = checkout.get(1);
                assertThat(header(payment, "producer")).isEqualTo(DemoEvents.BAD_VERSION);
                assertThat(payment.value()[0]).as("a stray binary prefix").isZero();
                assertThat(parses(payment.value())).as("payment %d parses as JSON", i).isFalse();
                corrupt++;
            }
        }
        assertThat(corrupt).isGreaterThan(100);
    }

    @Test
    void anAuditEntryIsJsonKeyedByWhoActed() throws IOException {
        DemoEvents events = new DemoEvents(new Random(17));
        for (int i = 0; i < 50; i++) {
            ProducerRecord<byte[], byte[]> entry = events.auditEntry(1_700_000_000_000L + i);
            JsonNode entryJson = json.readTree(entry.value());
            assertThat(entry.topic()).isEqualTo(DemoEvents.AUDIT);
            assertThat(text(entry.key())).isEqualTo(entryJson.get("actor").asText());
            assertThat(header(entry, "event-type")).isEqualTo(entryJson.get("type").asText());
        }
    }

    private boolean parses(byte[] value) {
        try {
            json.readTree(value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        assertThat(header).as("header %s", key).isNotNull();
        return text(header.value());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
