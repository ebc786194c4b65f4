package io.firebreak.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorComesBackAsItWentOut() {
        PageCursor cursor = new PageCursor(1_795_939_200_123L, "C261123-7F3K9Q");
        String opaque = cursor.encode();
        assertThat(opaque).doesNotContain("C261123").matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(opaque)).isEqualTo(cursor);
        assertThat(PageCursor.parameter(opaque)).isEqualTo(cursor);
        assertThat(PageCursor.parameter(null)).isNull();
    }

    @Test
    void somethingThatIsNotACursorIsRefused() {
        assertThatThrownBy(() -> PageCursor.decode("not a cursor!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.decode("MnwxfEM")).isInstanceOf(IllegalArgumentException.class);
        String wrongKey = java.util.Base64.getUrlEncoder().encodeToString("1|soon|C1".getBytes());
        assertThatThrownBy(() -> PageCursor.decode(wrongKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageCursor.parameter("zzz"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(400));
    }
}
