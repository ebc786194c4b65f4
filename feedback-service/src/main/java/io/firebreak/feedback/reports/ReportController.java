package io.firebreak.feedback.reports;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.prevention.PreventionAction;
import io.firebreak.feedback.prevention.RootCauseWatch;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/{name}?from=&to=} for supervisors: complaints, sla, satisfaction, reopen-rate,
 * root-causes, prevention. JSON by default; CSV (the rows) with {@code Accept: text/csv} or {@code format=csv}.
 * {@code from}/{@code to}: a date (to inclusive) or an instant (to exclusive); the last 30 days by default.
 */
@RestController
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final List<String> NAMES =
            List.of("complaints", "sla", "satisfaction", "reopen-rate", "root-causes", "prevention");

    private final Reports reports;
    private final AggregateStore<PreventionAction> actions;
    private final RootCauseWatch watch;
    private final Clock clock;
    private final int maxPeriodDays;

    ReportController(
            Reports reports,
            AggregateStore<PreventionAction> actions,
            RootCauseWatch watch,
            Clock clock,
            FeedbackProperties properties) {
        this.reports = reports;
        this.actions = actions;
        this.watch = watch;
        this.clock = clock;
        this.maxPeriodDays = properties.reports().maxPeriodDays();
    }

    @GetMapping("/api/v1/reports")
    Map<String, List<String>> index() {
        return Map.of("reports", NAMES);
    }

    @GetMapping("/api/v1/reports/{name}")
    ResponseEntity<?> report(
            @PathVariable String name,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (!NAMES.contains(name)) throw ProblemException.notFound("Report", name);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ProblemException.badRequest("format", "must be json or csv");
        }
        Instant end = to == null ? clock.instant() : instant("to", to, true);
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant("from", from, false);
        if (!start.isBefore(end)) throw ProblemException.badRequest("from", "must be before to");
        if (Duration.between(start, end).compareTo(Duration.ofDays(maxPeriodDays)) > 0) {
            throw ProblemException.badRequest("from", "the period may span at most " + maxPeriodDays + " days");
        }
        Reports.Report report = switch (name) {
            case "complaints" -> reports.complaints(start, end);
            case "sla" -> reports.sla(start, end);
            case "satisfaction" -> reports.satisfaction(start, end);
            case "reopen-rate" -> reports.reopenRate(start, end);
            case "root-causes" -> reports.rootCauses(start, end);
            default -> prevention(start, end);
        };
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (!csv)
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(csv(report.rows()));
    }

    /** Prevention actions raised in the period, with how far they are and their effect. */
    private Reports.Report prevention(Instant from, Instant to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int done = 0;
        for (var stored : actions.findAll(
                Filters.and(Filters.gte("raisedAt", Date.from(from)), Filters.lt("raisedAt", Date.from(to))),
                Sorts.ascending("raisedAt"),
                1000)) {
            PreventionAction a = stored.value();
            if (a.status() == PreventionAction.Status.DONE) done++;
            RootCauseWatch.Effect effect = watch.effect(a);
            rows.add(Reports.row(
                    "id",
                    a.id(),
                    "rootCause",
                    a.rootCause(),
                    "department",
                    a.department(),
                    "status",
                    a.status().name(),
                    "raisedAt",
                    a.raisedAt(),
                    "complaints",
                    a.grouped(),
                    "owner",
                    a.owner(),
                    "dueDate",
                    a.dueDate(),
                    "doneAt",
                    a.doneAt(),
                    "before",
                    effect == null ? null : effect.before(),
                    "after",
                    effect == null ? null : effect.after(),
                    "changePercent",
                    effect == null ? null : effect.changePercent()));
        }
        return reports.report("prevention", from, to, Reports.row("raised", rows.size(), "done", done), rows);
    }

    private static Instant instant(String field, String value, boolean end) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    field,
                    "must be a date (2026-11-01) or an instant " + "(2026-11-01T00:00:00Z), not '" + value + "'");
        }
    }

    /**
     * The rows as CSV (RFC 4180, written by Commons CSV: every cell with a comma, quote or line break quoted). A text
     * cell that a spreadsheet would read as a formula ({@code = + - @}, a tab or a carriage return first) starts
     * with an apostrophe instead, so that opening an export runs nothing a customer wrote; numbers stay numbers.
     */
    static String csv(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(columns.stream().map(ReportController::cell).toList());
            for (Map<String, Object> row : rows) {
                printer.printRecord(columns.stream().map(c -> cell(row.get(c))).toList());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof Number number) return number.toString();
        String text = value instanceof Map<?, ?> map
                ? map.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";"))
                : value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** What makes a spreadsheet read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
}
