#!/usr/bin/env bash
# Measures callqa and prints its figures: one command, one table.
#
#   benchmarks/run.sh
#
# Builds what it needs (./mvnw -q -DskipTests -pl benchmarks -am package; never install), then
# runs, each in its own JVM:
#   1. JMH kernels, one core each: prosody + dynamics of stereo 8 kHz calls, classify, rules +
#      scorecard + summary of a 10-minute call (en, ko), and PII redaction of 0.25, 0.5 and 1 MB
#      transcripts; 5 forks x 3 iterations of 1 s after 2
#      warm-up iterations; a fork's value is the median of its iterations;
#   2. recorded mode end to end: the real CallqaJob over the samples copied to a few hundred calls,
#      into a real OpenSearch started once, 5 runs after a warm-up run, with the CPU split by stage;
#   3. live mode (alert latency through a real Kafka broker; heap and checkpoint state per call):
#      io.callqa.benchmarks.LiveAlertLatencyBenchmark prints one JSON line of per-round figures;
#      and per-utterance analysis time at the 10th and 600th utterance of a 60-minute call, the
#      old rerun-everything path beside the live session (LiveUtteranceBenchmark, ~4 minutes);
#      and the alert latency again on four 60-minute calls replayed at 12x (~17 minutes);
#   4. accuracy on ../shared/datasets (beside the checkout), or "dataset absent";
#   5. Vosk real-time factor and WER when CALLQA_VOSK_MODEL names a model, or "no model".
# Then prints the table (figure, median over the runs, spread min-max, unit, runs) and writes it
# as JSON, with the date, machine and git commit, to benchmarks/target/bench-results.json. Logs
# of each step are in benchmarks/target/bench/logs/. A step that fails shows as "failed" in the
# table; the others still run. Nothing here asserts a time; ./mvnw verify never runs this.
#
# Environment: CALLQA_BENCH_COPIES (copies of each of the samples in recorded mode, default
# 15), CALLQA_BENCH_DATASETS (default ../shared/datasets), CALLQA_VOSK_MODEL, JAVA_HOME.
# Takes about 28 minutes on a 2-core machine (live mode on 60-minute calls included); more when other builds
# share it.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
start=$(date +%s)
load_at_start=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo NaN)
out=benchmarks/target/bench
logs=$out/logs
jar=benchmarks/target/benchmarks.jar
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jartool="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
# Flink reflects into JDK packages; the list lives once, in the parent POM.
read -r -a add_opens <<<"$(sed -n 's:.*<flink.add-opens>\(.*\)</flink.add-opens>.*:\1:p' pom.xml)"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# step NAME SECONDS COMMAND...: runs COMMAND with its output in logs/NAME.log, stopped after
# SECONDS; on failure leaves NAME.failed saying where the log is, so the table shows the step as
# failed and the other steps still run.
step() {
  local name=$1 limit=$2
  shift 2
  timeout --kill-after=30 "$limit" "$@" >"$logs/$name.log" 2>&1
  local rc=$?
  if ((rc != 0)); then
    echo "exit $rc, see $logs/$name.log" >"$out/$name.failed"
    say "$name failed; see $logs/$name.log"
  fi
}

say "building (./mvnw -q -DskipTests -pl benchmarks -am package)"
if ! ./mvnw -q -DskipTests -pl benchmarks -am package; then
  echo "benchmarks/run.sh: the build failed; nothing was measured" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$logs"

say "1/5 JMH kernels (about 4 minutes)"
step jmh 1200 "$java" -jar "$jar" 'FeatureExtractionBenchmark|ClassifyBenchmark|RuleAnalysisBenchmark|RedactionBenchmark' \
  -f 5 -wi 2 -i 3 -w 1s -r 1s -rf json -rff "$out/jmh.json"

say "2/5 recorded mode end to end into a real OpenSearch (about 4 minutes)"
step recorded 1200 "$java" "${add_opens[@]}" -cp "$jar" io.callqa.benchmarks.RecordedModeBenchmark \
  --copies "${CALLQA_BENCH_COPIES:-15}" --runs 5 --out "$out/recorded.json"

# ---- Live mode: the team's live benchmarks, run only when they are in the jar. ----------------
"$jartool" tf "$jar" >"$logs/jar-contents.txt"
for live in LiveAlertLatencyBenchmark:live-latency LiveUtteranceBenchmark:live-utterance; do
  class=${live%%:*}
  name=${live##*:}
  if grep -qx "io/callqa/benchmarks/$class.class" "$logs/jar-contents.txt"; then
    say "3/5 $class"
    # stdout is the benchmark's JSON line; its logging goes to the log.
    timeout --kill-after=30 900 "$java" "${add_opens[@]}" -cp "$jar" "io.callqa.benchmarks.$class" \
      >"$out/$name.json" 2>"$logs/$name.log"
    rc=$?
    if ((rc != 0)); then
      echo "exit $rc, see $logs/$name.log" >"$out/$name.failed"
      rm -f "$out/$name.json"
    fi
  else
    say "3/5 $class: not built"
  fi
done
if grep -qx "io/callqa/benchmarks/LongCalls.class" "$logs/jar-contents.txt"; then
  # The same live job on four 60-minute calls (English and Korean), replayed at 12x: does alert
  # latency hold at the end of a long call? About 17 minutes.
  say "3/5 LiveAlertLatencyBenchmark on 60-minute calls"
  timeout --kill-after=30 1800 "$java" "${add_opens[@]}" -cp "$jar" \
    io.callqa.benchmarks.LiveAlertLatencyBenchmark --minutes 60 --calls 4 --speed 12 --runs 3 \
    >"$out/live-latency-60min.json" 2>"$logs/live-latency-60min.log"
  rc=$?
  if ((rc != 0)); then
    echo "exit $rc, see $logs/live-latency-60min.log" >"$out/live-latency-60min.failed"
    rm -f "$out/live-latency-60min.json"
  fi
fi
# -----------------------------------------------------------------------------------------------

say "4/5 accuracy on ${CALLQA_BENCH_DATASETS:-../shared/datasets}"
step accuracy 600 "$java" -cp "$jar" io.callqa.benchmarks.AccuracyBenchmark \
  --datasets "${CALLQA_BENCH_DATASETS:-../shared/datasets}" --out "$out/accuracy.json"

say "5/5 Vosk (${CALLQA_VOSK_MODEL:-no model})"
step vosk 1800 "$java" -cp "$jar" io.callqa.benchmarks.VoskBenchmark --out "$out/vosk.json"

commit=unknown
if git rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git rev-parse HEAD)
  [[ -z "$(git status --porcelain --untracked-files=no)" ]] || commit="$commit+uncommitted"
fi
total=$(($(date +%s) - start))
say "done in $((total / 60)) min $((total % 60)) s"
echo
"$java" -cp "$jar" io.callqa.benchmarks.BenchReport "$out" benchmarks/target/bench-results.json \
  "$commit" "$total" "$load_at_start"
echo
echo "JSON: benchmarks/target/bench-results.json; logs: $logs/"
