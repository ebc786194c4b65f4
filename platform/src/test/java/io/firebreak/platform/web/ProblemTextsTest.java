package io.firebreak.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemTextsTest {

    @Test
    void chineseIsChosenOnlyWhenTheClientPrefersItToEnglish() {
        assertThat(ProblemTexts.wantsChinese("zh-CN")).isTrue();
        assertThat(ProblemTexts.wantsChinese("zh-CN,zh;q=0.9,en;q=0.8")).isTrue();
        assertThat(ProblemTexts.wantsChinese("en-US,zh;q=0.5")).isFalse();
        assertThat(ProblemTexts.wantsChinese("fr-FR")).as("neither: English").isFalse();
        assertThat(ProblemTexts.wantsChinese(null)).isFalse();
        assertThat(ProblemTexts.wantsChinese(";;;q=x")).as("garbage: English").isFalse();
    }

    @Test
    void aMissingResourceAndInvalidFieldsAreSaidInChinese() {
        ProblemException notFound = ProblemException.notFound("Case", "C-1");
        ProblemDetail missing = Problems.of(notFound.status(), notFound.title(), notFound.getMessage());
        ProblemTexts.toChinese(missing);
        assertThat(missing.getTitle()).isEqualTo("未找到案件");
        assertThat(missing.getDetail()).isEqualTo("不存在编号为 C-1 的案件。");

        ProblemDetail invalid = Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "limit: must be 1-100");
        invalid.setProperty(
                "errors",
                List.of(
                        Map.of("field", "limit", "reason", "must be 1-100"),
                        Map.of("field", "cursor", "reason", "is not a cursor")));
        ProblemTexts.toChinese(invalid);
        assertThat(invalid.getTitle()).isEqualTo("请求无效");
        assertThat(invalid.getDetail()).isEqualTo("请求有误：limit、cursor 不符合要求（原因见 errors）。");
    }

    @Test
    void anyOtherDetailGetsTheChineseOfItsStatusAndKeepsTheEnglish() {
        ProblemDetail conflict = Problems.of(
                HttpStatus.CONFLICT,
                "Conflict with the current state",
                "Case C-1 cannot be resolved in state ASSIGNED");
        ProblemTexts.toChinese(conflict);
        assertThat(conflict.getTitle()).isEqualTo("与当前状态冲突");
        assertThat(conflict.getDetail()).isEqualTo("该操作与当前状态冲突。");
        assertThat(conflict.getProperties()).containsEntry("detailEn", "Case C-1 cannot be resolved in state ASSIGNED");
        ProblemTexts.toChinese(conflict);
        assertThat(conflict.getProperties())
                .as("translated once")
                .containsEntry("detailEn", "Case C-1 cannot be resolved in state ASSIGNED");
    }
}
