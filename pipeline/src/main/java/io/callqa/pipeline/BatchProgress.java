package io.callqa.pipeline;

import io.callqa.pipeline.analysis.BatchCounters;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The progress line of a batch run over a directory, printed at most every few seconds and once at
 * the end:
 *
 * <pre>
 * callqa: 120/500 files, 3.4 h audio, 410x real time, 0 errors
 * </pre>
 *
 * <p>The analysing operator counts into Flink accumulators ({@link BatchCounters}); this class
 * reads them through the {@link JobClient}, which works the same on a local Flink and on a cluster
 * the job was submitted to. Task managers report running accumulators with their heartbeats (every
 * 10 s by default, {@code heartbeat.interval}), so the line moves at that pace. Accumulators belong
 * to an execution attempt: after a restart the counts start again from what was restored.
 */
public final class BatchProgress {

    /** How often the line is printed at most unless told otherwise. */
    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(5);

    private final long totalFiles;
    private final PrintWriter out;
    private final Duration every;

    /**
     * @param totalFiles the transcripts the run will go through; negative when unknown
     * @param out where the lines go, normally stderr
     * @param every the shortest time between two lines
     */
    public BatchProgress(long totalFiles, PrintWriter out, Duration every) {
        if (every == null || every.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "progress interval must be at least 1 ms, was " + every);
        }
        this.totalFiles = totalFiles;
        this.out = out;
        this.every = every;
    }

    /**
     * Runs {@code job} on {@code env} and returns when it is done. An attached run is followed with
     * a progress line on {@code out}; a detached one ({@code flink run -d}) is only submitted, as
     * {@link CallqaJob#execute} would.
     */
    public static void execute(
            CallqaJob job, StreamExecutionEnvironment env, long totalFiles, PrintWriter out)
            throws Exception {
        if (!env.getConfiguration().get(DeploymentOptions.ATTACHED)) {
            job.execute(env);
            return;
        }
        job.build(env);
        new BatchProgress(totalFiles, out, DEFAULT_EVERY).follow(env.executeAsync("callqa"));
    }

    /**
     * Waits for {@code job} to finish, printing the progress line at most every {@code every} and
     * only when the counts changed, and the final line at the end.
     *
     * @return the job's result
     * @throws Exception what the job failed with, as {@code env.execute()} would throw it
     */
    public JobExecutionResult follow(JobClient job) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<JobExecutionResult> done = job.getJobExecutionResult();
        List<Object> last = null;
        while (true) {
            try {
                JobExecutionResult result = done.get(every.toMillis(), TimeUnit.MILLISECONDS);
                print(line(result.getAllAccumulatorResults(), elapsedSeconds(start)));
                return result;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (TimeoutException stillRunning) {
                Map<String, Object> now = running(job);
                // Counts arrive with heartbeats; between two, only the speed would change.
                List<Object> counts =
                        now == null
                                ? null
                                : Arrays.asList(
                                        now.get(BatchCounters.FILES_DONE),
                                        now.get(BatchCounters.AUDIO_SECONDS),
                                        now.get(BatchCounters.ERRORS));
                if (counts != null && !counts.equals(last)) {
                    print(line(now, elapsedSeconds(start)));
                    last = counts;
                }
            }
        }
    }

    /** The accumulators so far, or null when this kind of client cannot tell. */
    private Map<String, Object> running(JobClient job) throws InterruptedException {
        try {
            return job.getAccumulators().get(every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Some clients (web submission) cannot ask; a job between states may not answer.
            return null;
        }
    }

    private String line(Map<String, Object> accumulators, double elapsedSeconds) {
        return format(
                number(accumulators.get(BatchCounters.FILES_DONE)).longValue(),
                totalFiles,
                number(accumulators.get(BatchCounters.AUDIO_SECONDS)).doubleValue(),
                number(accumulators.get(BatchCounters.ERRORS)).longValue(),
                elapsedSeconds);
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0;
    }

    private static double elapsedSeconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The line for {@code done} of {@code total} files (total negative: unknown), {@code
     * audioSeconds} of calls analysed and {@code errors} dead letters after {@code elapsedSeconds}.
     */
    static String format(
            long done, long total, double audioSeconds, long errors, double elapsedSeconds) {
        StringBuilder line = new StringBuilder("callqa: ").append(done);
        if (total >= 0) {
            line.append('/').append(total);
        }
        line.append(" files, ").append(audio(audioSeconds)).append(" audio");
        if (audioSeconds > 0 && elapsedSeconds > 0) {
            double speed = audioSeconds / elapsedSeconds;
            line.append(", ")
                    .append(String.format(Locale.ROOT, speed >= 10 ? "%.0f" : "%.1f", speed))
                    .append("x real time");
        }
        return line.append(", ")
                .append(errors)
                .append(errors == 1 ? " error" : " errors")
                .toString();
    }

    private static String audio(double seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.0f s", seconds);
    }
}
