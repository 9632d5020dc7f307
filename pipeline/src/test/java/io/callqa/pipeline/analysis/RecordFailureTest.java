package io.callqa.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordFailureTest {

    @Test
    void aStackOverflowIsOneRecordsFailureButMemoryAndLinkageErrorsAreFatal() {
        RecordFailure.rethrowIfFatal(new StackOverflowError());
        RecordFailure.rethrowIfFatal(new IllegalStateException("x"));
        RecordFailure.rethrowIfFatal(new AssertionError("x"));
        assertThatThrownBy(() -> RecordFailure.rethrowIfFatal(new OutOfMemoryError("heap")))
                .isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> RecordFailure.rethrowIfFatal(new InternalError()))
                .isInstanceOf(InternalError.class);
        assertThatThrownBy(() -> RecordFailure.rethrowIfFatal(new UnknownError()))
                .isInstanceOf(UnknownError.class);
        assertThatThrownBy(() -> RecordFailure.rethrowIfFatal(new NoClassDefFoundError("X")))
                .isInstanceOf(LinkageError.class);
    }

    @Test
    void describesClassMessageAndWhereInCallqaWithoutTheInput() {
        Throwable t = thrownHere();
        assertThat(RecordFailure.describe(t))
                .isEqualTo(
                        "NumberFormatException: For input string: <17 characters> (at"
                                + " io.callqa.pipeline.analysis.RecordFailureTest.thrownHere:"
                                + t.getStackTrace()[t.getStackTrace().length > 0 ? index(t) : 0]
                                        .getLineNumber()
                                + ")");
        assertThat(RecordFailure.describe(new StackOverflowError()))
                .startsWith("StackOverflowError");
        assertThat(RecordFailure.safe("card 4111111111111111 and 'my secret' end"))
                .isEqualTo("card <16 digits> and <9 characters> end");
        assertThat(RecordFailure.safe("x".repeat(500) + "\nsecond line")).hasSize(160);
    }

    private static int index(Throwable t) {
        for (int i = 0; i < t.getStackTrace().length; i++) {
            if (t.getStackTrace()[i].getClassName().startsWith("io.callqa.")) {
                return i;
            }
        }
        return 0;
    }

    private static Throwable thrownHere() {
        try {
            Long.parseLong("4111111111111111x");
            return null;
        } catch (NumberFormatException e) {
            return e;
        }
    }
}
