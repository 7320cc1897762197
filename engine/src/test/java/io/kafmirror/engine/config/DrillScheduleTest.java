package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jobs.<name>.drills}: read with their defaults, written back as read, and mistakes refused naming the key. */
class DrillScheduleTest {

    private static final String YAML = """
            clusters:
              prod: { brokers: "127.0.0.1:9092" }
              scratch: { brokers: "127.0.0.1:9093" }
            stores:
              vault: { type: local, path: /tmp/vault }
            jobs:
              orders:
                source: prod
                store: vault
                topics: { include: "orders.*" }
                drills:
                  - { every: daily, at: "02:00", topics: [orders] }
                  - { every: weekly, on: sunday, at: "03:30", zone: Europe/Paris, topics: [orders, payments], target: scratch }
                  - { every: monthly, on: "31", topics: [orders], mode: verify }
            """;

    @Test
    void drillsAreReadWithTheirDefaultsAndWrittenBackAsRead() {
        MirrorConfig config = load(YAML);
        List<DrillSchedule> drills = config.job("orders").drills();

        assertThat(drills).hasSize(3);
        DrillSchedule daily = drills.get(0);
        assertThat(daily.time()).isEqualTo(LocalTime.of(2, 0));
        assertThat(daily.zoneId()).isEqualTo(ZoneOffset.UTC);
        assertThat(daily.mode()).isEqualTo(DrillMode.RESTORE);
        assertThat(daily.target()).isNull();
        assertThat(drills.get(1).day()).isEqualTo(DayOfWeek.SUNDAY.getValue());
        assertThat(drills.get(1).zoneId()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(drills.get(1).describe()).isEqualTo("weekly on sunday at 03:30 Europe/Paris, restore of orders,payments into scratch");
        assertThat(drills.get(2).day()).isEqualTo(31);
        assertThat(drills.get(2).time()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(load(new ConfigWriter().toYaml(config)).job("orders")).isEqualTo(config.job("orders"));
        assertThat(JobConfig.of("prod", "vault", TopicSelection.parse("orders", "")).drills()).isEmpty();
    }

    @Test
    void aMistakeInADrillIsRefusedNamingTheKeyAndWhatToWrite() {
        assertThatThrownBy(() -> load(YAML.replace("at: \"02:00\"", "at: \"2am\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jobs.orders.drills[0].at").hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> load(YAML.replace("every: daily", "every: hourly")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hourly");
        assertThatThrownBy(() -> load(YAML.replace("Europe/Paris", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> load(YAML.replace("on: sunday", "on: sunnyday")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'sunnyday' is not a weekday");
        assertThatThrownBy(() -> load(YAML.replace("on: \"31\"", "on: \"32\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'32' is not a day of the month");
        assertThatThrownBy(() -> load(YAML.replace("at: \"02:00\", topics: [orders]", "at: \"02:00\"")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topics: is required");
        assertThatThrownBy(() -> load(YAML.replace("target: scratch", "target: nowhere")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jobs.orders.drills")
                .hasMessageContaining("'nowhere', which is not defined");
        assertThatThrownBy(() -> load(YAML.replace("mode: verify", "mode: verify, target: scratch")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("applies to mode restore only");
        assertThatThrownBy(() -> load(YAML.replace("every: daily,", "every: daily, on: monday,")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("applies to weekly and monthly drills only");
    }

    private static MirrorConfig load(String yaml) {
        return new ConfigLoader().load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "kaf-mirror.yml");
    }
}
