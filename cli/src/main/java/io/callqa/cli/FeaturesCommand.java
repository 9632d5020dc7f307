package io.callqa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callqa.analysis.AudioSignals;
import io.callqa.analysis.document.CallDocuments;
import io.callqa.audio.AudioFormatException;
import io.callqa.audio.CallAnalyzer;
import io.callqa.audio.CallFeatures;
import io.callqa.audio.ChannelFeatures;
import io.callqa.audio.EmotionSummary;
import io.callqa.audio.FeatureSettings;
import io.callqa.audio.Prosody;
import io.callqa.audio.TimedUtterance;
import io.callqa.audio.UtteranceFeatures;
import io.callqa.audio.dynamics.ConversationDynamics;
import io.callqa.audio.dynamics.SpeechSegment;
import io.callqa.rules.transcript.CallTranscript;
import io.callqa.rules.transcript.TranscriptException;
import io.callqa.rules.transcript.TranscriptReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code callqa features}: prosodic features of one recording, per channel and per utterance, with
 * the conversation dynamics, as a text summary or one JSON document (schema in the README, "Audio
 * features").
 */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = {
            "Voice features of one call recording as text or JSON.",
            "Pitch, energy, speaking rate, pauses, voice activity, overtalk and arousal of a WAV"
                    + " file (PCM, mu-law or A-law; mono or stereo).",
            "Without --transcript, utterances come from voice activity detection."
        })
final class FeaturesCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.wav", description = "The recording.")
    Path file;

    @Option(
            names = "--channels",
            paramLabel = "NAMES",
            split = ",",
            description =
                    "Speaker of each channel in order (default: agent,customer for stereo, mixed"
                            + " for mono).")
    List<String> channels;

    @Option(
            names = "--transcript",
            paramLabel = "CALL.json",
            description = "Take utterance timings (and word counts) from this transcript.")
    Path transcript;

    @Option(names = "--json", description = "Print one JSON document instead of a summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<TimedUtterance> timings = transcript == null ? List.of() : readTranscript();
        FeatureSettings settings =
                channels == null
                        ? FeatureSettings.DEFAULTS
                        : FeatureSettings.DEFAULTS.withChannels(channels);
        CallFeatures f;
        try {
            f = new CallAnalyzer(settings).analyze(file, timings);
        } catch (AudioFormatException e) {
            throw CallqaException.badInput(e.getMessage());
        } catch (java.nio.file.AccessDeniedException e) {
            throw CallqaException.badInput(file + ": permission denied");
        } catch (java.io.IOException e) {
            throw CallqaException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(mapper, f)));
        } else {
            printSummary(out, f);
        }
        out.flush();
        return 0;
    }

    private List<TimedUtterance> readTranscript() {
        CallTranscript t;
        try {
            t = new TranscriptReader().read(transcript);
        } catch (TranscriptException e) {
            throw CallqaException.badInput(e.getMessage());
        }
        return AudioSignals.timings(t);
    }

    static ObjectNode toJson(ObjectMapper m, CallFeatures f) {
        ObjectNode root = m.createObjectNode();
        root.put("file", f.source());
        ObjectNode audio = root.putObject("audio");
        audio.put("sample_rate", f.format().sampleRate());
        audio.put("encoding", f.format().encoding().name().toLowerCase(java.util.Locale.ROOT));
        audio.put("channels", f.format().channels());
        audio.put("analysis_rate", io.callqa.audio.AudioSource.ANALYSIS_RATE);
        num(root, "duration_s", f.durationS());

        ObjectNode chans = root.putObject("channels");
        for (Map.Entry<String, ChannelFeatures> e : f.channels().entrySet()) {
            ObjectNode c = chans.putObject(e.getKey());
            prosody(c, e.getValue().prosody());
            c.put("utterances", e.getValue().activity().utterances().size());
        }

        ConversationDynamics d = f.dynamics();
        if (d != null) {
            ObjectNode dyn = root.putObject("dynamics");
            num(dyn, "duration_s", d.durationS());
            num(dyn, "agent_talk_s", d.agentTalkS());
            num(dyn, "customer_talk_s", d.customerTalkS());
            num(dyn, "talk_ratio", d.agentTalkRatio());
            num(dyn, "overtalk_s", d.overtalkS());
            num(dyn, "silence_s", d.silenceS());
            num(dyn, "silence_ratio", d.silenceRatio());
            num(dyn, "longest_dead_air_s", d.longestDeadAirS());
            segments(dyn.putArray("dead_air"), d.deadAir());
            segments(dyn.putArray("holds"), d.holds());
            ArrayNode ints = dyn.putArray("interruptions");
            for (ConversationDynamics.Interruption i : d.interruptions()) {
                ObjectNode o = ints.addObject();
                o.put("by", i.by().name().toLowerCase(java.util.Locale.ROOT));
                num(o, "at", i.at());
                num(o, "overlap_s", i.overlapS());
            }
        } else {
            root.putNull("dynamics");
        }

        ArrayNode us = root.putArray("utterances");
        for (UtteranceFeatures u : f.utterances()) {
            ObjectNode o = us.addObject();
            o.put("speaker", u.speaker());
            num(o, "start", u.start());
            num(o, "end", u.end());
            prosody(o, u.prosody());
            num(o, "arousal", u.emotion().arousal());
            num(o, "arousal_population", u.emotion().populationArousal());
            num(o, "arousal_speaker", u.emotion().speakerArousal());
            o.put("emotion", u.emotion().emotion().id());
            num(o, "confidence", u.emotion().confidence());
        }

        CallDocuments.emotion(root.putObject("emotion"), f.emotion());
        return root;
    }

    private static void prosody(ObjectNode o, Prosody p) {
        num(o, "pitch_mean_hz", p.pitchMeanHz());
        num(o, "pitch_median_hz", p.pitchMedianHz());
        num(o, "pitch_rel_st", p.pitchRelSt());
        num(o, "pitch_sd_st", p.pitchSdSt());
        num(o, "pitch_range_st", p.pitchRangeSt());
        num(o, "pitch_slope_st_per_s", p.pitchSlopeStPerS());
        num(o, "voiced_ratio", p.voicedShare());
        num(o, "energy_dbfs", p.energyMeanDbfs());
        num(o, "energy_peak_dbfs", p.energyPeakDbfs());
        num(o, "energy_sd_db", p.energySdDb());
        num(o, "hf_ratio_db", p.hfRatioDb());
        num(o, "rate_sps", p.syllablesPerS());
        num(o, "rate_wpm", p.wordsPerMin());
        o.put("pauses", p.pauses());
        num(o, "pause_mean_s", p.pauseMeanS());
        num(o, "longest_pause_s", p.longestPauseS());
        num(o, "speech_s", p.speechS());
    }

    private static void segments(ArrayNode a, List<SpeechSegment> ss) {
        for (SpeechSegment s : ss) {
            ObjectNode o = a.addObject();
            num(o, "start", s.start());
            num(o, "end", s.end());
        }
    }

    /** Rounded to 3 decimals; NaN (not measurable) becomes null, which JSON can carry. */
    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, Math.round(v * 1000) / 1000.0);
        } else {
            o.putNull(key);
        }
    }

    private static void printSummary(PrintWriter out, CallFeatures f) {
        out.printf(
                "%s: %.2f s, %d Hz %s, %d channel(s)%n",
                f.source(),
                f.durationS(),
                f.format().sampleRate(),
                f.format().encoding().name().toLowerCase(java.util.Locale.ROOT),
                f.format().channels());
        for (ChannelFeatures c : f.channels().values()) {
            Prosody p = c.prosody();
            EmotionSummary e = f.emotion().get(c.name());
            out.printf(
                    "  %-9s speech %6.1f s  pitch %5.0f Hz (sd %.1f st)  energy %6.1f dBFS"
                            + "  rate %.1f syl/s  pauses %d (longest %.2f s)  emotion %s%n",
                    c.name(),
                    p.speechS(),
                    p.pitchMeanHz(),
                    p.pitchSdSt(),
                    p.energyMeanDbfs(),
                    p.syllablesPerS(),
                    p.pauses(),
                    p.longestPauseS(),
                    e == null
                            ? "-"
                            : String.format(
                                    "%s, peak arousal %.2f at %.1f s, %s",
                                    e.dominant().id(), e.peakArousal(), e.peakAtS(), e.trend()));
        }
        ConversationDynamics d = f.dynamics();
        if (d != null) {
            out.printf(
                    "  dynamics  agent talk ratio %.2f  overtalk %.2f s  interruptions %d"
                            + "  silence %.1f%%  longest dead air %.2f s  holds %d%n",
                    d.agentTalkRatio(),
                    d.overtalkS(),
                    d.interruptions().size(),
                    100 * d.silenceRatio(),
                    d.longestDeadAirS(),
                    d.holds().size());
        }
        out.printf("  utterances %d (use --json for each one)%n", f.utterances().size());
    }
}
