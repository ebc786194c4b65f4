package io.firebreak.intake.complaint;

import io.firebreak.events.CaseChange;
import io.firebreak.events.CustomerNotice;
import io.firebreak.events.EventType;
import io.firebreak.events.IntakeEvents.CustomerNotified;
import io.firebreak.events.RemedyType;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.ProposalMade;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.TaskCompleted;
import io.firebreak.events.SlaClock;
import io.firebreak.platform.text.ScannedText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the customer is told, and when (关键节点主动通报, 预期管理): the receipt, the first response with the callback
 * promised, a proposal, progress (a department's part done, a reopening), a delay (the resolution or a promise
 * late) and the resolution, each in the customer's language (Chinese when the complaint is written in it, else
 * English) with times in the service's time zone. The agent's own words go out as written. Nothing is told once the
 * customer's personal data is erased. Pure: the case file projection publishes what this decides.
 */
public final class CustomerNotices {

    private final DateTimeFormatter time;

    public CustomerNotices(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'xxx").withZone(zone);
    }

    /** The receipt of a new complaint: its reference, and that the customer will be kept informed. */
    public CustomerNotified receipt(String complaintId, Complaint complaint, Instant now) {
        return notice(
                complaintId,
                complaint,
                CustomerNotice.RECEIPT,
                now,
                "您的投诉已收到，编号 " + complaintId + "。我们会尽快与您联系，处理的每一步都会告知您。",
                "We have received your complaint, reference " + complaintId
                        + ". We will contact you soon and tell you of every step.");
    }

    /** What an event of the case tells the customer, if anything. */
    public Optional<CustomerNotified> of(String complaintId, Complaint complaint, Object event, Instant now) {
        if (complaint.erased()) return Optional.empty();
        if (event instanceof CaseAcknowledged e) {
            String callbackZh = e.callbackBy() == null ? "" : "我们会在 " + time(e.callbackBy()) + " 前给您回电。";
            String callbackEn = e.callbackBy() == null ? "" : " We will call you back by " + time(e.callbackBy()) + ".";
            String zh = blank(e.message())
                    ? "我们已开始处理您的投诉（编号 " + complaintId + "）。"
                    : sentence(e.message().strip(), "。");
            String en = blank(e.message())
                    ? "We are working on your complaint (reference " + complaintId + ")."
                    : sentence(e.message().strip(), ".");
            return Optional.of(notice(
                    complaintId, complaint, CustomerNotice.ACKNOWLEDGEMENT, now, zh + callbackZh, en + callbackEn));
        }
        if (event instanceof ProposalMade e) {
            String stepsZh = e.steps().stream()
                    .map(s -> s.number() + ". " + s.what() + "（" + s.who()
                            + (s.by() == null ? "" : "，" + time(s.by()) + " 前") + "）")
                    .collect(Collectors.joining("；"));
            String stepsEn = e.steps().stream()
                    .map(s -> s.number() + ". " + s.what() + " (" + s.who()
                            + (s.by() == null ? "" : ", by " + time(s.by())) + ")")
                    .collect(Collectors.joining("; "));
            return Optional.of(notice(
                    complaintId,
                    complaint,
                    CustomerNotice.PROPOSAL,
                    now,
                    "我们为您的投诉提出以下方案：" + stepsZh + remediesZh(e) + "。请告诉我们您是否接受。",
                    "Here is what we propose for your complaint: " + stepsEn + remediesEn(e)
                            + ". Please tell us whether you accept it."));
        }
        if (event instanceof TaskCompleted) {
            return Optional.of(notice(
                    complaintId,
                    complaint,
                    CustomerNotice.PROGRESS,
                    now,
                    "您的投诉有了进展：其中一项处理工作已经完成，我们会继续跟进。",
                    "Progress on your complaint: one part of the work is done, and we are carrying on."));
        }
        if (event instanceof SlaBreached e && e.clock() == SlaClock.RESOLUTION) {
            return Optional.of(notice(
                    complaintId,
                    complaint,
                    CustomerNotice.DELAY,
                    now,
                    "很抱歉，您的投诉处理时间超出了我们的承诺。我们仍在全力处理，会尽快给您答复。",
                    "We are sorry: your complaint is taking longer than we said. We are still on it and will answer"
                            + " you as soon as we can."));
        }
        if (event instanceof PromiseBroken e) {
            return Optional.of(notice(
                    complaintId,
                    complaint,
                    CustomerNotice.DELAY,
                    now,
                    "很抱歉，我们答应在 " + time(e.dueAt()) + " 前给您的答复晚了。负责的同事会尽快与您联系。",
                    "We are sorry: what we promised you for " + time(e.dueAt())
                            + " is late. The person in charge will contact you shortly."));
        }
        if (event instanceof CaseUpdated e && e.change() == CaseChange.CUSTOMER_MESSAGE && !blank(e.text())) {
            return Optional.of(notice(
                    complaintId,
                    complaint,
                    CustomerNotice.MESSAGE,
                    now,
                    e.text().strip(),
                    e.text().strip()));
        }
        if (event instanceof CaseUpdated e && e.change() == CaseChange.REOPENED) {
            return Optional.of(notice(
                    complaintId,
                    complaint,
                    CustomerNotice.PROGRESS,
                    now,
                    "我们已重新打开您的投诉（编号 " + complaintId + "），会再次与您联系。",
                    "We have reopened your complaint (reference " + complaintId + ") and will contact you again."));
        }
        if (event instanceof CaseResolved e) {
            return Optional.of(notice(
                    complaintId,
                    complaint,
                    CustomerNotice.RESOLUTION,
                    now,
                    "您的投诉已处理完毕：" + e.summary().strip() + " 我们稍后会回访，了解您是否满意。",
                    "Your complaint is resolved: " + e.summary().strip()
                            + " We will follow up to hear whether you are satisfied."));
        }
        return Optional.empty();
    }

    /** The case file's line for a message to the customer: which moment, where it goes, and its words. */
    public static Complaint.TimelineEntry told(String entryId, CustomerNotified notice) {
        return new Complaint.TimelineEntry(
                entryId,
                notice.occurredAt(),
                EventType.CUSTOMER_NOTIFIED.wireName(),
                "intake",
                "Told the customer (" + notice.notice() + ", " + notice.channel() + ", " + notice.language() + "): "
                        + notice.text());
    }

    /** The language a complaint is answered in: Chinese when the customer wrote in it, else English. */
    private static String language(Complaint complaint) {
        return complaint.description() != null && ScannedText.hasHan(complaint.description()) ? "zh" : "en";
    }

    private CustomerNotified notice(
            String complaintId, Complaint complaint, CustomerNotice notice, Instant now, String zh, String en) {
        String language = language(complaint);
        return new CustomerNotified(
                complaintId,
                now,
                notice,
                complaint.channel(),
                language,
                language.equals("zh") ? zh : en,
                complaint.maskedContact());
    }

    private String remediesZh(ProposalMade e) {
        if (e.remedies() == null || e.remedies().isEmpty()) return "";
        return "；补救："
                + e.remedies().stream().map(r -> remedy(r, ZH.get(r.type()))).collect(Collectors.joining("、"));
    }

    private String remediesEn(ProposalMade e) {
        if (e.remedies() == null || e.remedies().isEmpty()) return "";
        return "; remedies: "
                + e.remedies().stream()
                        .map(r -> remedy(
                                r, r.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                        .collect(Collectors.joining(", "));
    }

    private static String remedy(Remedy r, String name) {
        return r.amount() == null ? name : name + " " + r.amount().toPlainString() + " " + r.currency();
    }

    private static final Map<RemedyType, String> ZH = Map.of(
            RemedyType.APOLOGY,
            "致歉",
            RemedyType.EXPLANATION,
            "说明原因",
            RemedyType.REPAIR,
            "维修",
            RemedyType.REPLACEMENT,
            "更换",
            RemedyType.REFUND,
            "退款",
            RemedyType.COMPENSATION,
            "补偿",
            RemedyType.GOODWILL_GESTURE,
            "心意补偿");

    private String time(Instant at) {
        return time.format(at);
    }

    /** The agent's words as a whole sentence, so that what follows reads on: a full stop added where none ends it. */
    private static String sentence(String words, String stop) {
        int last = words.codePointBefore(words.length());
        return ".。!！?？…~～)）\"”".indexOf(last) >= 0 ? words : words + stop;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
