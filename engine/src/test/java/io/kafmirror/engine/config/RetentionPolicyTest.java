package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    static final Instant SEALED = Instant.parse("2026-03-01T12:00:00Z");
    static final RetentionRule THIRTY_DAYS = new RetentionRule(RetentionMode.COMPLIANCE, Duration.ofDays(30));
    static final RetentionRule SEVEN_YEARS = new RetentionRule(RetentionMode.GOVERNANCE, Duration.ofDays(2555));

    @Test
    void theFirstMatchingPatternWinsInTheOrderWritten() {
        Map<String, RetentionRule> rules = new LinkedHashMap<>();
        rules.put("payments\\.test.*", RetentionRule.NONE);
        rules.put("payments.*", SEVEN_YEARS);
        RetentionPolicy policy = new RetentionPolicy(THIRTY_DAYS, rules);

        assertThat(policy.forTopic("payments.eu", SEALED))
                .isEqualTo(ObjectRetention.of(RetentionMode.GOVERNANCE, SEALED.plus(Duration.ofDays(2555))));
        assertThat(policy.forTopic("payments.test.1", SEALED)).isEqualTo(ObjectRetention.NONE);
        assertThat(policy.forTopic("orders", SEALED))
                .isEqualTo(ObjectRetention.of(RetentionMode.COMPLIANCE, Instant.parse("2026-03-31T12:00:00Z")));
    }

    @Test
    void snapshotsServingEveryTopicAreKeptAsLongAsTheLongestRuleAndCompliancePrevailsOnATie() {
        RetentionRule governance30 = new RetentionRule(RetentionMode.GOVERNANCE, Duration.ofDays(30));

        assertThat(new RetentionPolicy(THIRTY_DAYS, Map.of("payments.*", SEVEN_YEARS, "tmp.*", RetentionRule.NONE)).longest())
                .isEqualTo(SEVEN_YEARS);
        assertThat(new RetentionPolicy(governance30, Map.of("orders", THIRTY_DAYS)).longest()).isEqualTo(THIRTY_DAYS);
        assertThat(new RetentionPolicy(null, Map.of("orders", THIRTY_DAYS)).longest()).isEqualTo(THIRTY_DAYS);
        assertThat(RetentionPolicy.NONE.longest()).isEqualTo(RetentionRule.NONE);
    }

    @Test
    void patternsMatchWholeTopicNames() {
        RetentionPolicy policy = new RetentionPolicy(null, Map.of("payments", SEVEN_YEARS));

        assertThat(policy.ruleFor("payments")).isEqualTo(SEVEN_YEARS);
        assertThat(policy.ruleFor("payments.eu")).isEqualTo(RetentionRule.NONE);
    }

    @Test
    void theSameRulesInAnotherOrderAreAnotherPolicy() {
        Map<String, RetentionRule> testFirst = new LinkedHashMap<>();
        testFirst.put("payments\\.test.*", RetentionRule.NONE);
        testFirst.put("payments.*", SEVEN_YEARS);
        Map<String, RetentionRule> allFirst = new LinkedHashMap<>();
        allFirst.put("payments.*", SEVEN_YEARS);
        allFirst.put("payments\\.test.*", RetentionRule.NONE);

        assertThat(new RetentionPolicy(THIRTY_DAYS, testFirst)).isEqualTo(new RetentionPolicy(THIRTY_DAYS, testFirst))
                .isNotEqualTo(new RetentionPolicy(THIRTY_DAYS, allFirst));
    }

    @Test
    void noPolicyLocksNothing() {
        assertThat(RetentionPolicy.NONE.forTopic("orders", SEALED).isSet()).isFalse();
        assertThat(RetentionPolicy.NONE.defaultRule()).isEqualTo(RetentionRule.NONE);
    }

    @Test
    void aRuleNeedsModeAndPositiveDurationTogether() {
        assertThatThrownBy(() -> new RetentionRule(RetentionMode.COMPLIANCE, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("duration: is required with a mode");
        assertThatThrownBy(() -> new RetentionRule(RetentionMode.COMPLIANCE, Duration.ZERO))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new RetentionRule(null, Duration.ofDays(1)))
                .hasMessageContaining("mode: is required with a duration");
    }

    @Test
    void noneIsTheOnlyWordForARule() {
        assertThat(RetentionRule.fromWord(" None ")).isEqualTo(RetentionRule.NONE);
        assertThatThrownBy(() -> RetentionRule.fromWord("forever")).hasMessageContaining("'forever' is not a retention rule");
    }

    @Test
    void anInvalidPatternIsReportedUnderItsKey() {
        assertThatThrownBy(() -> new RetentionPolicy(null, Map.of("pay(", SEVEN_YEARS)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo(ConfigPath.of("topics", "pay(")))
                .hasMessageContaining("'pay('").hasMessageContaining("position");
    }
}
