package io.kafmirror.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled packs cover whole UTC days, ISO weeks and months, and a folder catches up from its newest pack. */
class ScheduledExportsTest {

    private static final Instant NOW = Instant.parse("2027-01-04T09:30:00Z"); // a Monday

    @TempDir
    Path folder;

    @Test
    void eachScheduleCoversItsLastWholePeriodEndIncluded() {
        assertThat(ExportSchedule.DAILY.lastComplete(NOW)).isEqualTo(period("2027-01-03T00:00:00Z", "2027-01-03T23:59:59.999Z"));
        assertThat(ExportSchedule.WEEKLY.lastComplete(NOW)).isEqualTo(period("2026-12-28T00:00:00Z", "2027-01-03T23:59:59.999Z"));
        assertThat(ExportSchedule.MONTHLY.lastComplete(NOW)).isEqualTo(period("2026-12-01T00:00:00Z", "2026-12-31T23:59:59.999Z"));
        assertThat(ExportSchedule.DAILY.lastComplete(Instant.parse("2027-01-04T00:00:00Z")))
                .as("a day ends when the next begins").isEqualTo(ExportSchedule.DAILY.lastComplete(NOW));
        assertThat(ExportSchedule.MONTHLY.previous(ExportSchedule.MONTHLY.lastComplete(Instant.parse("2028-03-10T00:00:00Z"))))
                .isEqualTo(period("2028-01-01T00:00:00Z", "2028-01-31T23:59:59.999Z"));
    }

    @Test
    void packsAreNamedForTheirPeriodTheWeekByItsIsoYear() {
        assertThat(ExportSchedule.DAILY.fileName(ExportSchedule.DAILY.lastComplete(NOW))).isEqualTo("evidence-daily-2027-01-03.zip");
        assertThat(ExportSchedule.WEEKLY.fileName(ExportSchedule.WEEKLY.lastComplete(NOW))).isEqualTo("evidence-weekly-2026-W53.zip");
        assertThat(ExportSchedule.MONTHLY.fileName(ExportSchedule.MONTHLY.lastComplete(NOW))).isEqualTo("evidence-monthly-2026-12.zip");
    }

    @Test
    void aNewFolderGetsTheLastPeriodAndALaterRunCatchesUpFromTheNewestPack() throws Exception {
        ScheduledExports daily = new ScheduledExports(ExportSchedule.DAILY, folder);

        assertThat(daily.due(NOW)).containsExactly(ExportSchedule.DAILY.lastComplete(NOW));
        Files.writeString(daily.file(ExportSchedule.DAILY.lastComplete(NOW)), "pack");
        assertThat(daily.due(NOW)).isEmpty();

        Instant threeDaysLater = NOW.plusSeconds(3 * 86_400);
        assertThat(daily.due(threeDaysLater)).extracting(daily::file).extracting(p -> p.getFileName().toString())
                .containsExactly("evidence-daily-2027-01-04.zip", "evidence-daily-2027-01-05.zip", "evidence-daily-2027-01-06.zip");
        assertThat(new ScheduledExports(ExportSchedule.WEEKLY, folder).due(threeDaysLater))
                .as("another schedule's packs are not this one's").containsExactly(ExportSchedule.WEEKLY.lastComplete(NOW));
        assertThat(daily.due(NOW.plusSeconds(90L * 86_400))).hasSize(ScheduledExports.CATCH_UP)
                .last().isEqualTo(ExportSchedule.DAILY.lastComplete(NOW.plusSeconds(90L * 86_400)));
    }

    private static EvidencePeriod period(String from, String to) {
        return new EvidencePeriod(Instant.parse(from), Instant.parse(to));
    }
}
