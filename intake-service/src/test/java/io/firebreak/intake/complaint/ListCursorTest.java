package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListCursorTest {

    @Test
    void aCursorComesBackAsItWentOut() {
        ListCursor cursor = new ListCursor(Instant.parse("2026-11-23T08:00:00.123Z"), "C261123-7F3K9Q");
        String opaque = cursor.encode();
        assertThat(opaque).doesNotContain("C261123").matches("[A-Za-z0-9_-]+");
        assertThat(ListCursor.decode(opaque)).isEqualTo(cursor);
    }

    @Test
    void somethingThatIsNotACursorIsRefused() {
        assertThatThrownBy(() -> ListCursor.decode("not a cursor!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListCursor.decode("MnwxfEM")).isInstanceOf(IllegalArgumentException.class);
        String wrongTime = java.util.Base64.getUrlEncoder().encodeToString("1|soon|C1".getBytes());
        assertThatThrownBy(() -> ListCursor.decode(wrongTime)).isInstanceOf(IllegalArgumentException.class);
    }
}
