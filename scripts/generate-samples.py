#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the callqa sample call corpus in samples/ from scripts/sample-calls.json.

Every utterance is synthesized on its own with espeak-ng, resampled with sox,
trimmed of leading/trailing silence and placed on its speaker's channel of a
stereo WAV (agent = left, customer = right). Utterance times in the sidecar
JSON are computed from the placed audio, never typed by hand.

Usage (from the repository root):  python3 scripts/generate-samples.py
Needs: python3 (stdlib only), espeak-ng, sox (apt-get install espeak-ng sox libsox-fmt-all).
The output is byte-identical between runs on the same espeak-ng/sox versions.
"""

import argparse
import array
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import wave
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SPEC = os.path.join(REPO, "scripts", "sample-calls.json")
DEFAULT_OUT = os.path.join(REPO, "samples")

SPEECH_GAIN = 0.70  # -3.1 dB of headroom for every synthesized utterance
TRIM_FLOOR_DBFS = -50.0  # leading/trailing audio below max(-50 dBFS, noise + 20 dB) is trimmed
TRIM_ABOVE_NOISE_DB = 20.0
EDGE_FADE_S = 0.002  # short linear fade at both cut edges, so trimming never clicks
PEAK_LIMIT = 10 ** (-1 / 20)  # a channel peaking above -1 dBFS is scaled down as a whole
DEAD_AIR_MIN_S = 2.0
TESTED_VERSIONS = {"espeak-ng": "1.51", "sox": "14.4.2"}

TOOLS = {
    "espeak-ng": "apt-get install espeak-ng",
    "sox": "apt-get install sox libsox-fmt-all",
}


def fail(msg):
    print("generate-samples: error: " + msg, file=sys.stderr)
    sys.exit(1)


def require_tools():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        fail("; ".join("%s not found on PATH (install it with: %s)" % (t, TOOLS[t]) for t in missing))
    versions = {}
    out = subprocess.run(["espeak-ng", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode("utf-8", "replace")
    m = re.search(r"text-to-speech:\s*([0-9.]+)", out)
    versions["espeak-ng"] = m.group(1) if m else "?"
    out = subprocess.run(["sox", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout.decode("utf-8", "replace")
    m = re.search(r"v([0-9.]+)", out)
    versions["sox"] = m.group(1) if m else "?"
    for tool, want in TESTED_VERSIONS.items():
        if versions[tool] != want:
            print("generate-samples: warning: %s %s found; the committed samples were made with %s, "
                  "so the output may not be byte-identical to them" % (tool, versions[tool], want), file=sys.stderr)
    return versions


def run(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        fail("command failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd), proc.stderr.decode("utf-8", "replace")))
    return proc.stdout


def floats_from_le_bytes(data):
    a = array.array("f")
    a.frombytes(data)
    if sys.byteorder == "big":
        a.byteswap()
    return a


def trim_level_dbfs(noise_dbfs):
    """Level below which utterance edges are cut: what is left stands clear of the line noise."""
    if noise_dbfs is None:
        return TRIM_FLOOR_DBFS
    return max(TRIM_FLOOR_DBFS, noise_dbfs + TRIM_ABOVE_NOISE_DB)


def synthesize(voice, text, rate, tmpdir, trim_dbfs):
    """espeak-ng -> sox resample to `rate` -> float samples, scaled, trimmed and edge-faded."""
    txt = os.path.join(tmpdir, "utt.txt")
    wav = os.path.join(tmpdir, "utt.wav")
    with open(txt, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    run(["espeak-ng", "-b", "1", "-v", voice["voice"], "-p", str(voice["pitch"]), "-s", str(voice["speed"]),
         "-a", str(voice["amplitude"]), "-w", wav, "-f", txt])
    raw = run(["sox", "-R", "-D", wav, "-t", "raw", "-e", "floating-point", "-b", "32", "-L", "-c", "1",
               "-r", str(rate), "-", "rate", "-v"])
    x = floats_from_le_bytes(raw)
    level = 10 ** (trim_dbfs / 20)
    first = next((i for i, v in enumerate(x) if abs(v) * SPEECH_GAIN >= level), None)
    if first is None:
        fail("espeak-ng produced silence for %r" % text)
    last = next(i for i in range(len(x) - 1, -1, -1) if abs(x[i]) * SPEECH_GAIN >= level)
    y = [v * SPEECH_GAIN for v in x[first:last + 1]]
    n = min(int(EDGE_FADE_S * rate), len(y) // 4)
    for k in range(n):
        g = (k + 1) / (n + 1)
        y[k] *= g
        y[-1 - k] *= g
    return y


def line_noise(color, dbfs, frames, rate, seed_offset):
    """Two independent, repeatable noise channels at `dbfs` RMS (sox -R fixes the seed)."""
    total = 2 * frames + seed_offset
    raw = run(["sox", "-R", "-r", str(rate), "-c", "1", "-n", "-t", "raw", "-e", "floating-point", "-b", "32",
               "-L", "-", "synth", "%ds" % total, color + "noise"])
    x = floats_from_le_bytes(raw)
    if len(x) < total:
        fail("sox produced %d noise samples, expected %d" % (len(x), total))
    target = 10 ** (dbfs / 20)
    chans = []
    for k in range(2):
        seg = x[seed_offset + k * frames: seed_offset + (k + 1) * frames]
        rms = math.sqrt(math.fsum(v * v for v in seg) / len(seg))
        g = target / rms
        chans.append([v * g for v in seg])
    return chans


def r2(t):
    return round(t + 0.0, 2)


def intervals_union(iv):
    out = []
    for s, e in sorted(iv):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def timing_ground_truth(utts, duration):
    """dead_air / overtalk from the (rounded) utterance times, as documented in samples/README.md."""
    speech = intervals_union([(u["start"], u["end"]) for u in utts])
    silences = []
    for a, b in zip(speech, speech[1:]):
        silences.append((a[1], b[0]))
    silences.append((speech[-1][1], duration))
    dead_air = [{"start": r2(s), "end": r2(e)} for s, e in silences if r2(e - s) >= DEAD_AIR_MIN_S]
    longest_silence = max([r2(e - s) for s, e in silences] + [0.0])
    agent = intervals_union([(u["start"], u["end"]) for u in utts if u["speaker"] == "agent"])
    cust = intervals_union([(u["start"], u["end"]) for u in utts if u["speaker"] == "customer"])
    overtalk = []
    for a0, a1 in agent:
        for c0, c1 in cust:
            s, e = max(a0, c0), min(a1, c1)
            if e > s:
                who = "customer" if c0 > a0 else "agent"
                overtalk.append({"start": r2(s), "end": r2(e), "who_interrupted": who})
    overtalk.sort(key=lambda o: o["start"])
    return {
        "dead_air": dead_air,
        "overtalk": overtalk,
        "longest_dead_air_s": max([r2(d["end"] - d["start"]) for d in dead_air] + [0.0]),
        "longest_silence_s": longest_silence,
        "overtalk_s": r2(sum(o["end"] - o["start"] for o in overtalk)),
    }


def write_pcm16_wav(path, left, right, rate):
    frames = array.array("h", bytes(4 * len(left)))
    for i, (l, r) in enumerate(zip(left, right)):
        frames[2 * i] = max(-32768, min(32767, int(round(l * 32768.0))))
        frames[2 * i + 1] = max(-32768, min(32767, int(round(r * 32768.0))))
    if sys.byteorder == "big":
        frames.byteswap()
    with wave.open(path, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames.tobytes())


def build_call(call, defaults, tmpdir, out_dir):
    cid = call["call_id"]
    rate = call["sample_rate"]
    voices = call["voices"]
    rng = random.Random(cid)
    noise = call.get("noise")
    trim_dbfs = trim_level_dbfs(noise["dbfs"] if noise else None)
    placed = []  # (speaker, start_sample, samples, turn)
    max_end = 0
    for i, turn in enumerate(call["turns"]):
        spk = turn["speaker"]
        if spk == "agent":
            vkey = "agent"
        else:
            vkey = "customer_angry" if turn.get("mood") == "angry" else "customer_calm"
        if vkey not in voices:
            fail("%s turn %d needs voice %s" % (cid, i, vkey))
        audio = synthesize(voices[vkey], turn["text"], rate, tmpdir, trim_dbfs)
        if i == 0:
            start = int(round(call.get("lead_in", defaults["lead_in"]) * rate))
        elif "overlap" in turn:
            pspk, pstart, paudio, _ = placed[-1]
            if pspk == spk:
                fail("%s turn %d overlaps its own speaker" % (cid, i))
            start = pstart + len(paudio) - int(round(turn["overlap"] * rate))
            if start <= pstart or len(audio) <= int(round(turn["overlap"] * rate)):
                fail("%s turn %d: overlap longer than the utterances" % (cid, i))
        elif "pause" in turn:
            start = max_end + int(round(turn["pause"] * rate))
        else:
            gap = round(rng.uniform(defaults["gap_min"], defaults["gap_max"]), 2)
            start = max_end + int(round(gap * rate))
        placed.append((spk, start, audio, turn))
        max_end = max(max_end, start + len(audio))
    frames = max_end + int(round(call.get("tail", defaults["tail"]) * rate))

    chans = {"agent": [0.0] * frames, "customer": [0.0] * frames}
    for spk, start, audio, _ in placed:
        ch = chans[spk]
        for k, v in enumerate(audio):
            ch[start + k] += v
    gains_db = {}
    for spk in ("agent", "customer"):
        peak = max(abs(v) for v in chans[spk])
        if peak > PEAK_LIMIT:
            g = PEAK_LIMIT / peak
            chans[spk] = [v * g for v in chans[spk]]
            gains_db[spk] = round(20 * math.log10(g), 2)
    if noise:
        offset = zlib.crc32(cid.encode("utf-8")) % (5 * rate)
        nl, nr = line_noise(noise["color"], noise["dbfs"], frames, rate, offset)
        chans["agent"] = [a + b for a, b in zip(chans["agent"], nl)]
        chans["customer"] = [a + b for a, b in zip(chans["customer"], nr)]

    peak = max(abs(v) for spk in ("agent", "customer") for v in chans[spk])
    levels = {"angry": [], "calm": []}
    for spk, _, audio, turn in placed:
        if spk == "customer":
            ms = math.fsum(v * v for v in audio) / len(audio)
            levels["angry" if turn.get("mood") == "angry" else "calm"].append(10 * math.log10(ms))
    stats = {"peak_dbfs": 20 * math.log10(peak), "levels": levels}

    wav_name = cid + ".wav"
    wav_path = os.path.join(out_dir, wav_name)
    if call["encoding"] == "pcm16":
        write_pcm16_wav(wav_path, chans["agent"], chans["customer"], rate)
    elif call["encoding"] == "mulaw":
        tmp = os.path.join(tmpdir, "mix.wav")
        write_pcm16_wav(tmp, chans["agent"], chans["customer"], rate)
        run(["sox", "-R", "-D", tmp, "-e", "u-law", "-b", "8", wav_path])
    else:
        fail("%s: unknown encoding %s" % (cid, call["encoding"]))

    utterances = []
    order = sorted(range(len(placed)), key=lambda k: placed[k][1])
    if order != list(range(len(placed))):
        fail("%s: turns are not in start order" % cid)
    for spk, start, audio, turn in placed:
        utterances.append({"speaker": spk, "start": r2(start / rate), "end": r2((start + len(audio)) / rate),
                           "text": turn["text"]})
    duration = r2(frames / rate)

    angry = [k for k, (_, _, _, t) in enumerate(placed) if t["speaker"] == "customer" and t.get("mood") == "angry"]
    abusive = [k for k, (_, _, _, t) in enumerate(placed) if t.get("abuse")]
    for k in abusive:
        if placed[k][0] != "customer":
            fail("%s turn %d: only customer turns can be abusive" % (cid, k))
    pii = []
    prohibited = []
    for k, (_, _, _, t) in enumerate(placed):
        if "pii" in t:
            pii.append({"type": t["pii"]["type"], "utterance": k, "value": t["pii"]["value"]})
        if "prohibited" in t:
            if t["prohibited"] not in t["text"]:
                fail("%s turn %d: prohibited phrase is not in the text" % (cid, k))
            prohibited.append({"utterance": k, "text": t["prohibited"]})
    timing = timing_ground_truth(utterances, duration)

    audio_meta = {
        "file": wav_name,
        "sample_rate": rate,
        "encoding": call["encoding"],
        "channels": 2,
        "duration_s": duration,
        "noise_dbfs": noise["dbfs"] if noise else None,
        "noise_color": noise["color"] if noise else None,
    }
    if gains_db:
        audio_meta["channel_gain_db"] = gains_db
    audio_meta["voices"] = {k: {"voice": v["voice"], "pitch": v["pitch"], "speed": v["speed"],
                                "amplitude": v["amplitude"]} for k, v in voices.items()}
    ground_truth = {
        "category": call["category"],
        "customer_emotion": call["customer_emotion"],
        "angry_utterances": angry,
    }
    # only calls written with abuse carry the field, so the sidecars of the other calls stay as they were
    if abusive:
        ground_truth["abusive_utterances"] = abusive
    ground_truth.update({
        "escalation_requested": call["escalation_requested"],
        "pii_spoken": pii,
        "prohibited_phrases": prohibited,
        "agent_omissions": call["agent_omissions"],
        "expected_violations": call["expected_violations"],
        "expected_alerts": call["expected_alerts"],
        "dead_air": timing["dead_air"],
        "overtalk": timing["overtalk"],
        "longest_dead_air_s": timing["longest_dead_air_s"],
        "longest_silence_s": timing["longest_silence_s"],
        "overtalk_s": timing["overtalk_s"],
    })
    doc = {
        "call_id": cid,
        "language": call["language"],
        "started_at": call["started_at"],
        "agent_id": call["agent_id"],
        "team": call["team"],
        "queue": call["queue"],
        "brand": call["brand"],
        "channels": {"agent": "left", "customer": "right"},
        "audio": audio_meta,
        "utterances": utterances,
        "ground_truth": ground_truth,
    }
    with open(os.path.join(out_dir, cid + ".json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return doc, os.path.getsize(wav_path), stats


README_HEAD = """\
# callqa sample calls

Synthetic contact-center calls for demos, tests and benchmarks: {n} stereo WAV files, each
with a sidecar JSON transcript that also carries the ground truth the pipeline should find.
Everything here is generated with a speech synthesizer; nothing comes from real customers.
The card numbers are public Luhn-valid test numbers, and every name, order number, date of
birth and address is made up. The company is **Acme Retail** (Korean: **애크미 리테일**).

**Do not edit these files by hand.** They are produced by `scripts/generate-samples.py`
from the dialogue specs in `scripts/sample-calls.json`; change the specs and regenerate.

## How the corpus is made
- Each utterance is synthesized on its own with `espeak-ng` (voice variant, `-p` pitch,
  `-s` speed and `-a` amplitude chosen per speaker and call, recorded in `audio.voices`
  of the sidecar), resampled with `sox` (`rate -v`) to the call's rate, scaled by -3.1 dB
  of headroom, and trimmed of leading/trailing audio below -50 dBFS (on calls with line
  noise: below the noise level + 20 dB, so every utterance edge stands clear of the noise),
  with 2 ms fades at the cut edges.
- The trimmed utterance is placed on its speaker's channel: **agent = left, customer =
  right**. The other channel carries no speech there (only line noise, or digital silence).
  Turns are separated by {gap_min:.2f}-{gap_max:.2f} s gaps (pseudo-random, seeded from the call id),
  except where the spec asks for an interruption (`overlap`: the next speaker starts
  {ov} s before the current one ends, and both utterances play in full), a short "let me
  check" pause ({pauses} s) or a hold ({holds} s of silence on both channels). The first
  utterance starts at {lead_in:.2f} s; {tail:.2f} s of silence follow the last one.
- Agents speak with `-p {ag[p]} -s {ag[s]} -a {ag[a]}`. Calm customers use `-p {calm[p]} -s {calm[s]} -a {calm[a]}`;
  angry customer utterances `-p {angry[p]} -s {angry[s]} -a {angry[a]}`: clearly higher, faster and
  louder (on average {loud_db:.1f} dB more RMS than calm customer speech). An *escalating*
  customer switches from the calm to the angry settings of the same voice variant mid-call.
  Nothing clips: espeak-ng limits its own output, and the loudest channel peaks at
  {max_peak:.1f} dBFS (a channel above -1 dBFS would be scaled down as a whole and the gain
  recorded in `audio.channel_gain_db`).
- 8 kHz calls get faint, independent telephone line noise on both channels (sox
  `pinknoise`/`brownnoise`, scaled to the RMS level in `audio.noise_dbfs`, -55 to -60
  dBFS). 16 kHz calls have digital silence between turns (`noise_dbfs: null`).
- G.711 mu-law files are written by `sox -e u-law -b 8` from the 16-bit mix. sox always
  runs with `-R` (fixed random seed, no timestamps) and `-D` (no dither), and nothing in
  the outputs depends on the time or machine, so a rerun is byte-identical.

Made with espeak-ng {espeak} and SoX {sox}. Other versions synthesize slightly different
audio: the sidecar times are recomputed from it, so the corpus stays consistent, but the
bytes change (the generator warns about this).

Utterance texts are exactly what was synthesized. Numbers are written as the words spoken
("order four eight two two nine seven", "오 오 공 공"), so the text can be compared with ASR
output directly. espeak-ng's Korean voice is robotic; expect a high word error rate from
small ASR models on the `ko` calls, and treat the sidecar text as the reference.

## Regenerating and checking
```
sudo apt-get install espeak-ng sox libsox-fmt-all   # once
python3 scripts/generate-samples.py                  # from the repository root, ~25 s
python3 scripts/check-samples.py                     # validates every WAV against its sidecar
```
The generator stops with a message naming the missing apt package if `espeak-ng` or `sox`
is not installed. To confirm determinism, compare `sha256sum samples/*` before and after
a run.

`check-samples.py` (stdlib only) reads each WAV's RIFF header and samples and checks:
2 channels, rate and encoding as declared, duration within 0.05 s, no clipping; utterances
sorted and inside the file; speech energy on the speaker's channel in every utterance, with
onset and offset within 0.02 s of `start`/`end`; no energy above noise + 10 dB on a channel
while only the other side speaks or nobody does; the noise at its declared level;
`dead_air`/`overtalk` recomputed from the utterance times; turn gaps of 0.2-1.2 s except
planned pauses and overlaps of 0.4-1.5 s; the ground truth against the texts (greeting,
disclosure, verification, empathy timing, closing, promises, spoken card digits with Luhn,
escalation phrases); voice settings; and the coverage and size budget of the corpus.

## Dialogue specs (`scripts/sample-calls.json`)
`defaults` holds the gap range, lead-in and tail. Each call gives its metadata
(`call_id`, `language`, `started_at`, `agent_id`, `team`, `queue`, `brand`), `sample_rate`,
`encoding`, `noise` (`{{color, dbfs}}` or `null`), the labels copied into the ground truth
(`category`, `customer_emotion`, `escalation_requested`, `agent_omissions`,
`expected_violations`, `expected_alerts`), a `notable` line for the table below, the
`voices` (`agent`, `customer_calm`, `customer_angry`: `{{voice, pitch, speed, amplitude}}`),
and the `turns`: `{{speaker, text}}` plus optionally `mood: "angry"` (customer, angry
voice), `overlap` (seconds of overtalk with the previous turn), `pause` (seconds of
silence before this turn instead of a normal gap), `pii` (`{{type, value}}` of a number read
out), `prohibited` (the forbidden phrase inside `text`), `abuse: true` (a customer turn that
insults, swears at or threatens the agent; always voiced angry) and `tags: ["account"]` (the
agent discusses account details; the checker requires identity verification before the first
such turn unless `identity-verification` is an expected violation).

## Sidecar JSON
Each sidecar is a callqa transcript (the same format as pre-transcribed input: `call_id`,
`language`, `started_at`, `agent_id`, `team`, `queue`, `brand`, `channels`,
`utterances[{{speaker, start, end, text}}]`; only `call_id` and `utterances` are required and
extra fields are ignored by the pipeline), plus:

| field | meaning |
|---|---|
| `audio.file` | WAV file name, beside the sidecar |
| `audio.sample_rate`, `audio.encoding`, `audio.channels` | 8000 or 16000; `pcm16` (16-bit PCM) or `mulaw` (G.711 mu-law, 8-bit); always 2 |
| `audio.duration_s` | length of the WAV in seconds |
| `audio.noise_dbfs`, `audio.noise_color` | RMS level (dBFS) and colour of the added line noise, `null` if none |
| `audio.voices` | espeak-ng settings per role: `agent`, `customer_calm`, `customer_angry` |
| `utterances[].start/end` | seconds from the start of the file (0.01 s), computed from the placed audio: the first and last sample of the trimmed utterance |
| `ground_truth.category` | `refund`, `shipping`, `billing` or `other` |
| `ground_truth.customer_emotion` | `calm`, `angry` (angry from the first word, possibly calming down in the last turns) or `escalating` (starts calm, turns angry mid-call) |
| `ground_truth.angry_utterances` | 0-based indices into `utterances` of customer utterances synthesized with the angry voice |
| `ground_truth.abusive_utterances` | 0-based indices of the customer utterances that abuse the agent (insult, profanity, threat, sexual harassment); only in calls that have any |
| `ground_truth.escalation_requested` | the customer asks for a manager/supervisor |
| `ground_truth.pii_spoken[]` | `{{type, utterance, value}}`: sensitive data said aloud; `value` is the normalized number (`type: card` = payment card). Identity answers (name, date of birth, postcode) are expected during verification and not listed |
| `ground_truth.prohibited_phrases[]` | `{{utterance, text}}`: agent promises the rules forbid; `text` is an exact substring of that utterance |
| `ground_truth.agent_omissions` | what the agent deliberately leaves out: `greeting`, `recording_disclosure`, `identity_verification`, `empathy`, `closing` |
| `ground_truth.expected_violations` | rule ids the call was written to break, in rule order (see below); every rule not listed is clearly satisfied or not applicable |
| `ground_truth.expected_alerts` | real-time alerts it should raise: `anger`, `abuse`, `escalation`, `pii`, `dead-air`, `compliance` |
| `ground_truth.dead_air[]` | every stretch of at least 2.0 s where both channels are silent, after the first utterance begins (including the end of the file); pauses inside an utterance are shorter and not counted |
| `ground_truth.overtalk[]` | every stretch where both speak, with `who_interrupted` (the speaker who started second) |
| `ground_truth.longest_dead_air_s` | longest `dead_air` entry (0 if none) |
| `ground_truth.longest_silence_s` | longest both-silent gap of any length after the first utterance (extra field) |
| `ground_truth.overtalk_s` | total overtalk |

`dead_air`, `overtalk` and the derived numbers are computed from the rounded utterance times.

### Rule ids and alerts
Compliance: `greeting` (the agent names the company within the first 15 s),
`recording-disclosure` ("this call may be recorded…" / "녹음될 수 있습니다" within 30 s),
`identity-verification` (name plus date of birth, postcode or order number, confirmed,
before any account details), `prohibited-promise` ("I guarantee…", "무조건 … 약속드릴게요"),
`pii-spoken` (a card number said aloud). Quality: `empathy` (customer agitated and no
empathy from the agent within 20 s), `closing` ("Is there anything else I can help you
with?" / "더 도와드릴 일은 없으실까요?" and a thank-you at the end), `dead-air` (a
both-silent stretch over 30 s; the short 2-3 s "let me check" pauses are listed in
`dead_air` but do not break the rule), `escalation-request`.

`expected_alerts`: `anger` for angry and escalating customers, `abuse` when the customer
abuses the agent (an angry but civil complaint is not abuse), `escalation` when a manager
is requested, `pii` when card data is spoken, `dead-air` for the holds, `compliance` when
any of `greeting`, `recording-disclosure`, `identity-verification` or `prohibited-promise`
is broken.

## Calls
"""


def mean(xs):
    return math.fsum(xs) / len(xs)


def write_readme(out_dir, docs, sizes, versions, calls, defaults, stats):
    def span(vals, fmt="%g"):
        if not vals:
            return "-"
        if min(vals) == max(vals):
            return fmt % min(vals)
        return (fmt + "-" + fmt) % (min(vals), max(vals))

    def voice_ranges(role):
        vs = [c["voices"][role] for c in calls if role in c["voices"]]
        return {"p": span([v["pitch"] for v in vs]), "s": span([v["speed"] for v in vs]),
                "a": span([v["amplitude"] for v in vs])}

    turns = [t for c in calls for t in c["turns"]]
    overlaps = [t["overlap"] for t in turns if "overlap" in t]
    pauses = [t["pause"] for t in turns if "pause" in t and t["pause"] < 30]
    holds = [t["pause"] for t in turns if "pause" in t and t["pause"] >= 30]
    lines = [README_HEAD.format(
        n=len(docs), espeak=versions["espeak-ng"], sox=versions["sox"],
        gap_min=defaults["gap_min"], gap_max=defaults["gap_max"], lead_in=defaults["lead_in"], tail=defaults["tail"],
        ov=span(overlaps), pauses=span(pauses), holds=span(holds),
        ag=voice_ranges("agent"), calm=voice_ranges("customer_calm"), angry=voice_ranges("customer_angry"),
        loud_db=mean([x for st in stats for x in st["levels"]["angry"]])
        - mean([x for st in stats for x in st["levels"]["calm"]]),
        max_peak=max(st["peak_dbfs"] for st in stats))]
    lines.append("| id | lang | rate / encoding | duration | category | customer emotion | expected violations | notable events |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for doc, call in zip(docs, calls):
        a = doc["audio"]
        gt = doc["ground_truth"]
        enc = "%d Hz %s" % (a["sample_rate"], "mu-law" if a["encoding"] == "mulaw" else "PCM16")
        if a["noise_dbfs"] is not None:
            enc += ", %s noise %d dBFS" % (a["noise_color"], a["noise_dbfs"])
        events = [call["notable"]]
        if gt["overtalk"]:
            events.append("overtalk %.2f s (%s)" % (gt["overtalk_s"], ", ".join(
                "%s interrupts at %.2f s" % (o["who_interrupted"], o["start"]) for o in gt["overtalk"])))
        for d in gt["dead_air"]:
            events.append("dead air %.2f-%.2f s" % (d["start"], d["end"]))
        for p in gt["pii_spoken"]:
            events.append("%s number in utterance %d" % (p["type"], p["utterance"]))
        lines.append("| `%s` | %s | %s | %.2f s | %s | %s | %s | %s |" % (
            doc["call_id"], doc["language"], enc, a["duration_s"], gt["category"], gt["customer_emotion"],
            ", ".join("`%s`" % v for v in gt["expected_violations"]) or "none", "; ".join(events)))
    total = sum(sizes)
    lines.append("")
    lines.append("WAV data: %d bytes in total (%.1f MiB)." % (total, total / 1048576.0))
    lines.append("")
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spec", default=DEFAULT_SPEC, help="dialogue specs (default: scripts/sample-calls.json)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output directory (default: samples/)")
    ap.add_argument("--only", action="append", help="generate only this call id (repeatable; README is not rewritten)")
    args = ap.parse_args()
    versions = require_tools()
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    calls = spec["calls"]
    ids = [c["call_id"] for c in calls]
    if len(set(ids)) != len(ids):
        fail("duplicate call ids in %s" % args.spec)
    if args.only:
        unknown = set(args.only) - set(ids)
        if unknown:
            fail("unknown call id(s): %s" % ", ".join(sorted(unknown)))
        calls = [c for c in calls if c["call_id"] in args.only]
    os.makedirs(args.out, exist_ok=True)
    if not args.only:
        for name in sorted(os.listdir(args.out)):
            stem, ext = os.path.splitext(name)
            if ext in (".wav", ".json") and re.match(r"^s-[a-z]{2}-", stem) and stem not in ids:
                os.remove(os.path.join(args.out, name))
                print("removed stale %s" % name)
    docs, sizes, stats = [], [], []
    with tempfile.TemporaryDirectory(prefix="callqa-samples-") as tmpdir:
        for call in calls:
            doc, size, st = build_call(call, spec["defaults"], tmpdir, args.out)
            docs.append(doc)
            sizes.append(size)
            stats.append(st)
            a = doc["audio"]
            print("%-18s %5d Hz %-5s %6.2f s %8d bytes  %d utterances" % (
                doc["call_id"], a["sample_rate"], a["encoding"], a["duration_s"], size, len(doc["utterances"])))
    if not args.only:
        write_readme(args.out, docs, sizes, versions, calls, spec["defaults"], stats)
        print("total WAV bytes: %d" % sum(sizes))


if __name__ == "__main__":
    main()
