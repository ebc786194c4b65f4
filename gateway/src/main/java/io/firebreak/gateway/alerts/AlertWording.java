package io.firebreak.gateway.alerts;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.PreventionRaised;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseWarned;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.ResolutionEvents.SlaWarned;
import io.firebreak.events.ResolutionEvents.TaskOverdue;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which events alert, and the one line that says what happened and what is due, in English and in Chinese (a
 * supervisor reads either; the facts are the same: the case's class, department, owner and due time).
 */
final class AlertWording {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<ComplaintClass, String> CLASS_ZH = Map.of(
            ComplaintClass.ORDINARY,
            "普通",
            ComplaintClass.MAJOR,
            "重大",
            ComplaintClass.ESCALATED,
            "升级",
            ComplaintClass.DIFFICULT,
            "疑难");

    private static final Map<EmotionLevel, String> EMOTION_ZH = Map.of(
            EmotionLevel.CALM, "平静", EmotionLevel.UPSET, "不满", EmotionLevel.ANGRY, "生气", EmotionLevel.FURIOUS, "愤怒");

    private AlertWording() {}

    /**
     * The alert an event raises, if any; {@code known} gives what was known of its complaint before it, asked for
     * only when the event words an alert.
     */
    static Optional<AlertDraft> draft(FirebreakEvent event, Supplier<AlertStore.ComplaintFacts> known) {
        if (event instanceof ComplaintClassified classified) return classified(classified, known);
        if (event instanceof SlaWarned warned) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(
                    AlertKind.SLA_WARNING,
                    warned.complaintId(),
                    facts,
                    "SLA warning: " + clock(warned.clock()) + " for " + describe(warned.complaintId(), facts)
                            + " is due " + time(warned.dueAt()),
                    "SLA 预警：" + describeZh(warned.complaintId(), facts) + "的" + clockZh(warned.clock()) + "将于 "
                            + time(warned.dueAt()) + " 到期"));
        }
        if (event instanceof SlaBreached breached) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(
                    AlertKind.SLA_BREACH,
                    breached.complaintId(),
                    facts,
                    "SLA breached: " + clock(breached.clock()) + " for " + describe(breached.complaintId(), facts)
                            + " was due " + time(breached.dueAt()) + "; act now",
                    "SLA 超时：" + describeZh(breached.complaintId(), facts) + "的" + clockZh(breached.clock()) + "已于 "
                            + time(breached.dueAt()) + " 到期，请立即处理"));
        }
        if (event instanceof EmotionRose rose
                && rose.current() != null
                && rose.current().compareTo(EmotionLevel.ANGRY) >= 0) {
            AlertStore.ComplaintFacts facts = known.get();
            // Told once someone has the complaint; before that, its first assignment carries the emotion.
            if (facts.owner() == null) return Optional.empty();
            String signals = rose.signals() == null || rose.signals().isEmpty()
                    ? ""
                    : " (" + String.join(", ", rose.signals()) + ")";
            return Optional.of(draft(
                    AlertKind.EMOTION_ROSE,
                    rose.complaintId(),
                    facts,
                    "The customer of " + describe(rose.complaintId(), facts) + " is now " + rose.current()
                            + " (was " + rose.previous() + ")" + signals + "; the clocks are shorter"
                            + due(", resolution due ", facts.resolutionDue()),
                    describeZh(rose.complaintId(), facts) + "的客户情绪升级为" + EMOTION_ZH.get(rose.current()) + "（原为"
                            + EMOTION_ZH.get(rose.previous()) + "）" + signals + "，先处理情感，时限已缩短"));
        }
        if (event instanceof ProposalRejected rejected) {
            AlertStore.ComplaintFacts facts = known.get();
            boolean said = !blank(rejected.comment());
            return Optional.of(draft(
                    AlertKind.PROPOSAL_REJECTED,
                    rejected.complaintId(),
                    facts,
                    "Proposal rejected by the customer of " + describe(rejected.complaintId(), facts)
                            + (said ? " (\"" + rejected.comment() + "\")" : "") + "; a new proposal is due"
                            + due(" by ", facts.resolutionDue()),
                    "客户拒绝了" + describeZh(rejected.complaintId(), facts) + "的方案"
                            + (said ? "（“" + rejected.comment() + "”）" : "") + "，需"
                            + (facts.resolutionDue() == null ? "" : "在 " + time(facts.resolutionDue()) + " 前")
                            + "提出新方案"));
        }
        if (event instanceof TaskOverdue overdue) {
            AlertStore.ComplaintFacts facts = known.get();
            String who = blank(overdue.owner()) ? "nobody has taken it" : "owner " + overdue.owner();
            String whoZh = blank(overdue.owner()) ? "尚无人认领" : "负责人 " + overdue.owner();
            return Optional.of(new AlertDraft(
                    AlertKind.TASK_OVERDUE,
                    overdue.complaintId(),
                    facts.complaintClass(),
                    overdue.department(),
                    "Task " + overdue.taskId() + " for " + overdue.department() + " on "
                            + describe(overdue.complaintId(), facts) + " is overdue: \"" + overdue.what()
                            + "\" was due " + time(overdue.dueAt()) + " (" + who + ")"
                            + (overdue.required() ? "; the case cannot be resolved until it is done" : ""),
                    describeZh(overdue.complaintId(), facts) + "交给 " + overdue.department() + " 的任务 "
                            + overdue.taskId() + " 已逾期：“" + overdue.what() + "”应于 " + time(overdue.dueAt())
                            + " 前完成（" + whoZh + "）" + (overdue.required() ? "；完成前案件无法解决" : "")));
        }
        if (event instanceof PromiseWarned warned) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(
                    AlertKind.PROMISE_WARNING,
                    warned.complaintId(),
                    facts,
                    "Promise " + warned.promiseId() + " to the customer of " + describe(warned.complaintId(), facts)
                            + " is due " + time(warned.dueAt()) + ": \"" + warned.what() + "\"; keep it or tell the "
                            + "customer now",
                    "对" + describeZh(warned.complaintId(), facts) + "客户的承诺 " + warned.promiseId() + "将于 "
                            + time(warned.dueAt()) + " 到期：“" + warned.what() + "”，请兑现或立即告知客户"));
        }
        if (event instanceof PromiseBroken broken) {
            AlertStore.ComplaintFacts facts = known.get();
            return Optional.of(draft(
                    AlertKind.PROMISE_BROKEN,
                    broken.complaintId(),
                    facts,
                    "Promise " + broken.promiseId() + " to the customer of " + describe(broken.complaintId(), facts)
                            + " was broken: \"" + broken.what() + "\" was due " + time(broken.dueAt())
                            + "; the customer has been told of the delay",
                    "对" + describeZh(broken.complaintId(), facts) + "客户的承诺 " + broken.promiseId() + "未兑现：“"
                            + broken.what() + "”应于 " + time(broken.dueAt()) + " 前完成；已向客户说明延误"));
        }
        if (event instanceof ComplaintReopened reopened) {
            AlertStore.ComplaintFacts facts = known.get();
            boolean said = !blank(reopened.reason());
            boolean owned = !blank(reopened.owner());
            return Optional.of(draft(
                    AlertKind.REOPENED,
                    reopened.complaintId(),
                    facts,
                    "Reopened " + describe(reopened.complaintId(), facts) + (said ? ": " + reopened.reason() : "")
                            + "; the customer is unhappy after resolution and needs a new contact"
                            + (owned ? "; owner: " + reopened.owner() : ""),
                    "重新打开" + describeZh(reopened.complaintId(), facts) + (said ? "：" + reopened.reason() : "")
                            + "；客户对处理结果不满意，需要再次联系" + (owned ? "；负责人：" + reopened.owner() : "")));
        }
        if (event instanceof PreventionRaised prevention) {
            String complaintId = prevention.complaintIds() == null
                            || prevention.complaintIds().isEmpty()
                    ? null
                    : prevention.complaintIds().get(prevention.complaintIds().size() - 1);
            int count = prevention.complaintCount() != null
                    ? prevention.complaintCount()
                    : prevention.complaintIds() == null
                            ? 0
                            : prevention.complaintIds().size();
            return Optional.of(new AlertDraft(
                    AlertKind.PREVENTION,
                    complaintId,
                    null,
                    prevention.department(),
                    "Prevention action " + prevention.preventionId() + " for " + prevention.department()
                            + ": root cause " + prevention.rootCause() + " rose above its usual level (" + count
                            + " complaints); a prevention plan is due",
                    prevention.department() + " 的预防措施 " + prevention.preventionId() + "：根因 " + prevention.rootCause()
                            + " 高于平常水平（" + count + " 件投诉），需制定预防计划"));
        }
        return Optional.empty();
    }

    /** A complaint that becomes MAJOR or ESCALATED alerts; staying in its class, or another class, does not. */
    private static Optional<AlertDraft> classified(
            ComplaintClassified event, Supplier<AlertStore.ComplaintFacts> known) {
        ComplaintClass now = event.complaintClass();
        if ((now != ComplaintClass.MAJOR && now != ComplaintClass.ESCALATED) || now == event.previousClass()) {
            return Optional.empty();
        }
        AlertStore.ComplaintFacts facts = known.get();
        AlertKind kind = now == ComplaintClass.MAJOR ? AlertKind.MAJOR : AlertKind.ESCALATED;
        boolean reasoned = event.reasons() != null && !event.reasons().isEmpty();
        String reasons = !reasoned
                ? "no reason given"
                : event.reasons().stream().map(AlertWording::reason).collect(Collectors.joining(", "));
        String reasonsZh = !reasoned
                ? "未给出原因"
                : event.reasons().stream().map(AlertWording::reasonZh).collect(Collectors.joining("；"));
        String department = facts.department() == null ? "department to be assigned" : facts.department();
        String from = event.previousClass() == null ? "" : " (was " + event.previousClass() + ")";
        String summary = now + " complaint " + event.complaintId() + from + " for " + department + ": " + reasons
                + "; "
                + (facts.firstResponseDue() == null
                        ? "first response due at the shortest SLA"
                        : "first response due " + time(facts.firstResponseDue()));
        String summaryZh = CLASS_ZH.get(now) + "投诉 " + event.complaintId()
                + (event.previousClass() == null ? "" : "（原为" + CLASS_ZH.get(event.previousClass()) + "）")
                + "，" + (facts.department() == null ? "待分派部门" : "由 " + facts.department() + " 负责") + "："
                + reasonsZh + "；"
                + (facts.firstResponseDue() == null ? "按最短时限首次响应" : "首次响应须在 " + time(facts.firstResponseDue()) + " 前");
        return Optional.of(new AlertDraft(kind, event.complaintId(), now, facts.department(), summary, summaryZh));
    }

    private static AlertDraft draft(
            AlertKind kind, String complaintId, AlertStore.ComplaintFacts facts, String summary, String summaryZh) {
        return new AlertDraft(kind, complaintId, facts.complaintClass(), facts.department(), summary, summaryZh);
    }

    private static String describe(String complaintId, AlertStore.ComplaintFacts facts) {
        String what = (facts.complaintClass() == null ? "" : facts.complaintClass() + " ") + "complaint " + complaintId;
        if (facts.department() == null) return what;
        return what + " (" + facts.department() + (facts.owner() == null ? "" : ", owner " + facts.owner()) + ")";
    }

    private static String describeZh(String complaintId, AlertStore.ComplaintFacts facts) {
        String what =
                (facts.complaintClass() == null ? "" : CLASS_ZH.get(facts.complaintClass())) + "投诉 " + complaintId;
        if (facts.department() == null) return what;
        return what + "（" + facts.department() + (facts.owner() == null ? "" : "，负责人 " + facts.owner()) + "）";
    }

    private static String reason(Reason reason) {
        return blank(reason.evidence()) ? reason.rule() : reason.rule() + " [" + reason.evidence() + "]";
    }

    private static String reasonZh(Reason reason) {
        return !blank(reason.zh()) ? reason.zh() : reason(reason);
    }

    private static String clock(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? "first response" : "resolution";
    }

    private static String clockZh(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? "首次响应时限" : "解决时限";
    }

    private static String due(String prefix, Instant at) {
        return at == null ? "" : prefix + time(at);
    }

    private static String time(Instant at) {
        return at == null ? "(no due time)" : TIME.format(at);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
