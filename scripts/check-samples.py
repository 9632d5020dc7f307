#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate the callqa sample corpus (samples/) against its WAV files and the coverage rules.

Usage (from the repository root):  python3 scripts/check-samples.py [-v]
Stdlib only; does not need espeak-ng or sox. Exit status 0 when everything passes, 1 otherwise.

What it checks, per call:
  * the sidecar JSON: key order, types, vocabularies, stable formatting (2-space indent, UTF-8)
  * the WAV, read from its RIFF header: 2 channels, declared rate and encoding (PCM16 / mu-law),
    duration within 0.05 s, no clipping
  * utterances sorted by start and inside the file; speech energy present on the speaker's
    channel inside each utterance, its onset/offset within 0.02 s of start/end; the other
    channel (and both, between utterances) below noise + 10 dB; the noise at its declared level
  * dead_air / overtalk / longest_* recomputed from the utterance times; turn gaps 0.2-1.2 s
    except deliberate pauses and overlaps; each overlap 0.4-1.5 s
  * ground truth consistent with the texts: greeting, recording disclosure, identity
    verification, empathy, closing, prohibited promises, spoken card numbers (Luhn), escalation
    requests, dead air; expected_violations / expected_alerts derived from those
  * voice settings (calm vs angry ranges) and the measured angry-vs-calm loudness
and for the whole corpus: the coverage counts of the brief and the size budget.
"""

import argparse
import json
import math
import os
import re
import struct
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(REPO, "samples")
SPEC = os.path.join(REPO, "scripts", "sample-calls.json")

# 20 calls: the 18 first ones took 24.6 MB; the two abusive 8 kHz mu-law calls add 1.6 MB
MAX_TOTAL_BYTES = 26_500_000
TIME_TOL = 0.02
EDGE_MARGIN = 0.03  # seconds kept clear of utterance edges when checking silence
FRAME = 0.01
SILENT_FLOOR_DBFS = -70.0  # threshold base when a call has no added noise

TOP_KEYS = ["call_id", "language", "started_at", "agent_id", "team", "queue", "brand", "channels", "audio",
            "utterances", "ground_truth"]
AUDIO_KEYS = ["file", "sample_rate", "encoding", "channels", "duration_s", "noise_dbfs", "noise_color"]
GT_KEYS = ["category", "customer_emotion", "angry_utterances", "escalation_requested", "pii_spoken",
           "prohibited_phrases", "agent_omissions", "expected_violations", "expected_alerts", "dead_air",
           "overtalk", "longest_dead_air_s", "longest_silence_s", "overtalk_s"]
# only the calls written with abuse carry abusive_utterances, right after angry_utterances
GT_KEYS_ABUSIVE = GT_KEYS[:3] + ["abusive_utterances"] + GT_KEYS[3:]
CATEGORIES = {"refund", "shipping", "billing", "other"}
EMOTIONS = {"calm", "angry", "escalating"}
OMISSIONS = {"greeting", "recording_disclosure", "identity_verification", "empathy", "closing"}
RULES = ["greeting", "recording-disclosure", "identity-verification", "prohibited-promise", "pii-spoken",
         "empathy", "closing", "dead-air", "escalation-request"]
COMPLIANCE_RULES = {"greeting", "recording-disclosure", "identity-verification", "prohibited-promise"}
ALERT_ORDER = ["anger", "abuse", "escalation", "pii", "dead-air", "compliance"]
ALERTS = set(ALERT_ORDER)
OMISSION_RULE = {"greeting": "greeting", "recording_disclosure": "recording-disclosure",
                 "identity_verification": "identity-verification", "empathy": "empathy", "closing": "closing"}

CALM_RANGE = {"pitch": (35, 50), "speed": (145, 165), "amplitude": (90, 110)}
ANGRY_RANGE = {"pitch": (70, 90), "speed": (190, 225), "amplitude": (160, 190)}

LEX = {
    "en": {
        "disclosure": ["recorded"],
        "verify_request": (["name"], ["date of birth", "postcode", "order number"]),
        "verified": ["verified", "that matches"],
        "empathy": ["sorry", "understand how", "apologi", "frustrat"],
        "closing_question": ["anything else"],
        "thanks": ["thank"],
        "promise": ["guarantee", "promise"],
        "escalation": ["manager", "supervisor"],
        "escalation_request": ["speak to a manager", "get me a manager", "supervisor", "put me through"],
        "abuse_warning": ["end this call", "end the call"],
    },
    "ko": {
        "disclosure": ["녹음"],
        "verify_request": (["성함"], ["생년월일", "주문번호"]),
        "verified": ["확인되었습니다"],
        "empathy": ["죄송", "불편을 드려", "답답하셨", "속상하셨"],
        "closing_question": ["더 도와드릴", "더 궁금하신"],
        "thanks": ["감사합니다"],
        "promise": ["보장", "약속", "무조건"],
        "escalation": ["매니저", "책임자", "상급자"],
        "escalation_request": ["매니저 바꿔", "책임자 연결", "상급자"],
        "abuse_warning": ["상담을 종료", "통화를 종료"],
    },
}
DIGIT_WORDS = {
    "en": {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
           "seven": "7", "eight": "8", "nine": "9"},
    "ko": {"공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "칠": "7",
           "팔": "8", "구": "9"},
}

# G.711 mu-law decoding table (ITU-T G.711), scaled to 16-bit
MULAW = []
for _b in range(256):
    _u = ~_b & 0xFF
    _t = ((_u & 0x0F) << 3) + 0x84
    _t <<= (_u & 0x70) >> 4
    MULAW.append((0x84 - _t) if (_u & 0x80) else (_t - 0x84))


class Report:
    def __init__(self, verbose):
        self.errors = []
        self.verbose = verbose

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def check(self, cond, where, msg):
        if not cond:
            self.err(where, msg)
        return cond

    def info(self, msg):
        if self.verbose:
            print(msg)


def read_wav(path):
    """Parse RIFF/WAVE; return (format_tag, channels, rate, bits, [left], [right]) with floats in [-1, 1)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a RIFF/WAVE file")
    pos, fmt, pcm = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            tag, ch, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
            if tag == 0xFFFE and len(body) >= 26:
                tag = struct.unpack("<H", body[24:26])[0]
            fmt = (tag, ch, rate, bits)
        elif cid == b"data":
            pcm = body
        pos += 8 + size + (size & 1)
    if fmt is None or pcm is None:
        raise ValueError("missing fmt or data chunk")
    tag, ch, rate, bits = fmt
    if tag == 1 and bits == 16:
        n = len(pcm) // 2
        vals = struct.unpack("<%dh" % n, pcm[:2 * n])
        samples = [v / 32768.0 for v in vals]
    elif tag == 7 and bits == 8:
        samples = [MULAW[b] / 32768.0 for b in pcm]
    else:
        raise ValueError("unsupported format tag %d with %d bits" % (tag, bits))
    if ch != 2:
        return tag, ch, rate, bits, samples, []
    return tag, ch, rate, bits, samples[0::2], samples[1::2]


def rms_db(x):
    if not x:
        return -200.0
    ms = math.fsum(v * v for v in x) / len(x)
    return 10 * math.log10(ms) if ms > 0 else -200.0


def r2(t):
    return round(t + 0.0, 2)


def union(iv):
    out = []
    for s, e in sorted(iv):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def recompute_timing(utts, duration):
    speech = union([(u["start"], u["end"]) for u in utts])
    sil = [(a[1], b[0]) for a, b in zip(speech, speech[1:])] + [(speech[-1][1], duration)]
    dead = [{"start": r2(s), "end": r2(e)} for s, e in sil if r2(e - s) >= 2.0]
    ag = union([(u["start"], u["end"]) for u in utts if u["speaker"] == "agent"])
    cu = union([(u["start"], u["end"]) for u in utts if u["speaker"] == "customer"])
    ot = []
    for a0, a1 in ag:
        for c0, c1 in cu:
            s, e = max(a0, c0), min(a1, c1)
            if e > s:
                ot.append({"start": r2(s), "end": r2(e), "who_interrupted": "customer" if c0 > a0 else "agent"})
    ot.sort(key=lambda o: o["start"])
    return {"dead_air": dead, "overtalk": ot,
            "longest_dead_air_s": max([r2(d["end"] - d["start"]) for d in dead] + [0.0]),
            "longest_silence_s": max([r2(e - s) for s, e in sil] + [0.0]),
            "overtalk_s": r2(sum(o["end"] - o["start"] for o in ot))}


def has(text, words):
    t = text.lower()
    return any(w in t for w in words)


def spoken_digits(text, lang):
    """Longest run of spoken digit words in `text` as a digit string."""
    words = DIGIT_WORDS[lang]
    best, cur = "", ""
    for tok in re.split(r"[\s,.!?]+", text.lower()):
        if tok in words:
            cur += words[tok]
        elif tok:
            best, cur = max(best, cur, key=len), ""
    return max(best, cur, key=len)


def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def check_audio(rep, cid, doc, left, right, rate):
    """Energy checks on the decoded channels."""
    utts = doc["utterances"]
    duration = len(left) / rate
    noise = doc["audio"]["noise_dbfs"]
    base = noise if noise is not None else SILENT_FLOOR_DBFS
    thr_db = base + 10.0
    # the generator cuts utterance edges at max(-50 dBFS, noise + 20 dB) and fades the cut over 2 ms;
    # look for the edges 6 dB lower (still >= 14 dB above the noise RMS, so noise alone never triggers)
    thr_sample = 10 ** ((max(base + 20.0, -50.0) - 6.0) / 20)
    chans = {"agent": left, "customer": right}

    for spk, x in chans.items():
        peak = max(abs(v) for v in x)
        rep.check(peak < 10 ** (-0.9 / 20), cid, "%s channel peaks at %.2f dBFS (clipping risk)" % (
            spk, 20 * math.log10(peak) if peak > 0 else -200))
        rep.info("  %s %s peak %.1f dBFS" % (cid, spk, 20 * math.log10(peak)))

    def seg(x, s, e):
        return x[max(0, int(round(s * rate))):min(len(x), int(round(e * rate)))]

    for i, u in enumerate(utts):
        x = chans[u["speaker"]]
        level = rms_db(seg(x, u["start"], u["end"]))
        rep.check(level > thr_db + 10, cid, "utterance %d: speech level %.1f dBFS on the %s channel is too low" % (
            i, level, u["speaker"]))
        same = [v for v in utts if v is not u and v["speaker"] == u["speaker"]]
        lo = max([0.0] + [v["end"] for v in same if v["end"] <= u["start"]])
        hi = min([duration] + [v["start"] for v in same if v["start"] >= u["end"]])
        s0 = int(round(max(lo, u["start"] - 0.3) * rate))
        s1 = int(round(min(hi, u["end"] + 0.3) * rate))
        idx = [k for k in range(s0, s1) if abs(x[k]) >= thr_sample]
        if not idx:
            rep.err(cid, "utterance %d: no speech found around %.2f-%.2f" % (i, u["start"], u["end"]))
            continue
        onset, offset = idx[0] / rate, (idx[-1] + 1) / rate
        rep.check(abs(onset - u["start"]) <= TIME_TOL, cid, "utterance %d: speech starts at %.3f, sidecar says %.2f" % (
            i, onset, u["start"]))
        rep.check(abs(offset - u["end"]) <= TIME_TOL, cid, "utterance %d: speech ends at %.3f, sidecar says %.2f" % (
            i, offset, u["end"]))

    # frame by frame: which speakers are active (with margins)
    nframes = int(duration / FRAME)
    noise_frames = {"agent": [], "customer": []}
    bad = {"agent": 0, "customer": 0}
    first_speech = utts[0]["start"]
    for k in range(nframes):
        t0, t1 = k * FRAME, (k + 1) * FRAME
        near = {"agent": False, "customer": False}
        for u in utts:
            if t1 > u["start"] - EDGE_MARGIN and t0 < u["end"] + EDGE_MARGIN:
                near[u["speaker"]] = True
        for spk in ("agent", "customer"):
            if near[spk]:
                continue
            fr = chans[spk][int(round(t0 * rate)):int(round(t1 * rate))]
            lvl = rms_db(fr)
            if lvl >= thr_db:
                bad[spk] += 1
                if bad[spk] <= 3:
                    rep.err(cid, "%s channel has %.1f dBFS at %.2f s where it should be silent (threshold %.1f)" % (
                        spk, lvl, t0, thr_db))
            if t0 >= first_speech:
                noise_frames[spk].extend(fr)
    for spk in ("agent", "customer"):
        fr = noise_frames[spk]
        if noise is None:
            rep.check(all(v == 0.0 for v in fr), cid, "%s channel is not digitally silent between turns" % spk)
        elif fr:
            lvl = rms_db(fr)
            rep.check(abs(lvl - noise) <= 1.5, cid, "%s channel noise measures %.1f dBFS, declared %d" % (
                spk, lvl, noise))
            rep.info("  %s %s noise %.1f dBFS (declared %d)" % (cid, spk, lvl, noise))

    # loudness of angry vs calm customer speech
    angry = set(doc["ground_truth"]["angry_utterances"])
    lv = {"angry": [], "calm": []}
    for i, u in enumerate(utts):
        if u["speaker"] == "customer":
            lv["angry" if i in angry else "calm"].append(rms_db(seg(right, u["start"], u["end"])))
    return lv


def check_call(rep, call, path_json, lex_company):
    cid = call["call_id"]
    with open(path_json, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        rep.err(cid, "sidecar is not UTF-8")
        return None
    doc = json.loads(text)
    rep.check(text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n", cid,
              "sidecar is not in the canonical format (2-space indent, UTF-8, trailing newline)")
    rep.check(list(doc.keys()) == TOP_KEYS, cid, "top-level keys %s" % list(doc.keys()))
    a = doc["audio"]
    rep.check(list(a.keys())[:len(AUDIO_KEYS)] == AUDIO_KEYS, cid, "audio keys %s" % list(a.keys()))
    gt = doc["ground_truth"]
    rep.check(list(gt.keys()) in (GT_KEYS, GT_KEYS_ABUSIVE), cid, "ground_truth keys %s" % list(gt.keys()))
    rep.check(doc["call_id"] == cid and a["file"] == cid + ".wav", cid, "call_id / audio.file mismatch")
    m = re.match(r"^s-(en|ko)-(refund|shipping|billing|other)-\d\d$", cid)
    rep.check(m is not None, cid, "call_id does not match s-<lang>-<category>-NN")
    lang = doc["language"]
    if m:
        rep.check(m.group(1) == lang and m.group(2) == gt["category"], cid, "call_id disagrees with language/category")
    rep.check(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", doc["started_at"]) is not None, cid, "started_at format")
    rep.check(re.match(r"^a-\d+$", doc["agent_id"]) is not None, cid, "agent_id format")
    rep.check(doc["channels"] == {"agent": "left", "customer": "right"}, cid, "channels must be agent=left, customer=right")
    rep.check(a["encoding"] in ("pcm16", "mulaw") and a["channels"] == 2, cid, "audio encoding/channels")
    rep.check(gt["category"] in CATEGORIES and gt["customer_emotion"] in EMOTIONS, cid, "category/emotion vocabulary")
    rep.check(set(gt["agent_omissions"]) <= OMISSIONS, cid, "agent_omissions vocabulary")
    rep.check(set(gt["expected_violations"]) <= set(RULES), cid, "expected_violations vocabulary")
    rep.check(set(gt["expected_alerts"]) <= ALERTS, cid, "expected_alerts vocabulary")

    # ---- WAV
    wav = os.path.join(SAMPLES, a["file"])
    if not rep.check(os.path.exists(wav), cid, "missing %s" % a["file"]):
        return None
    try:
        tag, ch, rate, bits, left, right = read_wav(wav)
    except ValueError as e:
        rep.err(cid, "%s: %s" % (a["file"], e))
        return None
    rep.check(ch == 2, cid, "WAV has %d channels" % ch)
    rep.check(rate == a["sample_rate"], cid, "WAV rate %d, sidecar %d" % (rate, a["sample_rate"]))
    want = {"pcm16": (1, 16), "mulaw": (7, 8)}[a["encoding"]]
    rep.check((tag, bits) == want, cid, "WAV format tag %d/%d bits, sidecar says %s" % (tag, bits, a["encoding"]))
    if ch != 2:
        return None
    duration = len(left) / rate
    rep.check(abs(duration - a["duration_s"]) <= 0.05, cid, "WAV lasts %.3f s, sidecar %.2f" % (duration, a["duration_s"]))

    # ---- utterances
    utts = doc["utterances"]
    rep.check(len(utts) >= 6, cid, "too few utterances")
    for i, u in enumerate(utts):
        rep.check(list(u.keys()) == ["speaker", "start", "end", "text"], cid, "utterance %d keys" % i)
        rep.check(u["speaker"] in ("agent", "customer"), cid, "utterance %d speaker" % i)
        rep.check(0 <= u["start"] < u["end"] <= a["duration_s"], cid, "utterance %d outside the file" % i)
        rep.check(u["text"].strip() == u["text"] and u["text"], cid, "utterance %d text" % i)
        if lang == "ko":
            rep.check(re.search(r"[가-힣]", u["text"]) and not re.search(r"[A-Za-z]", u["text"]), cid,
                      "utterance %d should be Hangul without Latin letters" % i)
    rep.check([u["start"] for u in utts] == sorted(u["start"] for u in utts), cid, "utterances not sorted by start")
    rep.check(utts[0]["speaker"] == "agent", cid, "the agent should speak first")
    rep.check(len(utts) == len(call["turns"]) and all(u["text"] == t["text"] and u["speaker"] == t["speaker"]
                                                       for u, t in zip(utts, call["turns"])), cid,
              "utterances differ from the spec (regenerate)")

    # ---- timing ground truth and turn-taking
    tim = recompute_timing(utts, a["duration_s"])
    for key in ("dead_air", "overtalk", "longest_dead_air_s", "longest_silence_s", "overtalk_s"):
        rep.check(gt[key] == tim[key], cid, "%s is %s, recomputed %s" % (key, gt[key], tim[key]))
    max_end = utts[0]["end"]
    for i in range(1, len(utts)):
        u = utts[i]
        gap = r2(u["start"] - max_end)
        turn = call["turns"][i]
        if gap < 0:
            rep.check("overlap" in turn, cid, "utterance %d overlaps without being a planned interruption" % i)
        elif "pause" in turn:
            rep.check(gap >= 2.0, cid, "utterance %d: planned pause is only %.2f s" % (i, gap))
        else:
            rep.check(0.2 - 0.011 <= gap <= 1.2 + 0.011, cid, "utterance %d: gap %.2f s outside 0.2-1.2 s" % (i, gap))
        max_end = max(max_end, u["end"])
    for o in gt["overtalk"]:
        rep.check(0.4 - 0.011 <= o["end"] - o["start"] <= 1.5 + 0.011, cid, "overtalk at %.2f lasts %.2f s (want 0.4-1.5)" % (
            o["start"], o["end"] - o["start"]))

    # ---- audio energy
    lv = check_audio(rep, cid, doc, left, right, rate)

    # ---- ground truth vs text
    L = LEX[lang]
    company = lex_company[lang]
    viol = set(gt["expected_violations"])
    agent_idx = [i for i, u in enumerate(utts) if u["speaker"] == "agent"]
    cust_idx = [i for i, u in enumerate(utts) if u["speaker"] == "customer"]
    A = lambda i: utts[i]["text"]

    # greeting
    first_agent = utts[agent_idx[0]]
    if "greeting" in viol:
        rep.check(not any(company.lower() in A(i).lower() for i in agent_idx), cid,
                  "greeting violation, but the agent names the company")
        rep.check("greeting" in gt["agent_omissions"], cid, "greeting violation must be an omission")
    else:
        rep.check(company.lower() in first_agent["text"].lower() and first_agent["end"] <= 15.0, cid,
                  "first agent utterance must name %s within 15 s" % company)
    # recording disclosure
    disc = [i for i in agent_idx if has(A(i), L["disclosure"])]
    if "recording-disclosure" in viol:
        rep.check(not disc, cid, "recording-disclosure violation, but a disclosure is given")
    else:
        rep.check(disc and utts[disc[0]]["end"] <= 30.0, cid, "recording disclosure missing within 30 s")
    # identity verification
    req = [i for i in agent_idx if has(A(i), L["verify_request"][0]) and has(A(i), L["verify_request"][1])]
    ok = [i for i in agent_idx if has(A(i), L["verified"])]
    account = [i for i, t in enumerate(call["turns"]) if "account" in t.get("tags", [])]
    if "identity-verification" in viol:
        rep.check(account and not req and not ok, cid,
                  "identity-verification violation needs account details and no verification")
    else:
        good = bool(req and ok and req[0] < ok[0] and any(req[0] < c < ok[0] for c in cust_idx))
        rep.check(good, cid, "identity verification (request, customer answer, confirmation) missing")
        if good and account:
            rep.check(min(account) >= ok[0], cid, "account details discussed before identity verification")
    # emotion, angry utterances, voices
    angry = gt["angry_utterances"]
    spec_angry = [i for i, t in enumerate(call["turns"]) if t.get("mood") == "angry"]
    rep.check(angry == spec_angry and all(utts[i]["speaker"] == "customer" for i in angry), cid,
              "angry_utterances must be the customer utterances voiced angry")
    emo = gt["customer_emotion"]
    if emo == "calm":
        rep.check(not angry, cid, "calm customer with angry utterances")
    elif emo == "angry":
        rep.check(angry and angry[0] == cust_idx[0], cid, "angry customer must be angry from the first utterance")
    else:
        rep.check(angry and angry[0] != cust_idx[0] and angry[0] > cust_idx[1], cid,
                  "escalating customer must start calm for at least two utterances")
    # abuse: the customer turns flagged in the spec, each voiced angry; the agent answers the first with a warning
    abusive = gt.get("abusive_utterances", [])
    spec_abusive = [i for i, t in enumerate(call["turns"]) if t.get("abuse")]
    rep.check(abusive == spec_abusive and all(utts[i]["speaker"] == "customer" for i in abusive), cid,
              "abusive_utterances must be the customer utterances flagged abuse in the spec")
    rep.check(("abusive_utterances" in gt) == bool(abusive), cid, "abusive_utterances present iff non-empty")
    rep.check(set(abusive) <= set(angry), cid, "abusive utterances must be voiced angry")
    if abusive:
        rep.check(any(i > abusive[0] and has(A(i), L["abuse_warning"]) for i in agent_idx), cid,
                  "the agent never warns the abusive customer")
    voices = doc["audio"]["voices"]
    for role, rng in (("customer_calm", CALM_RANGE), ("customer_angry", ANGRY_RANGE)):
        used = (role == "customer_angry" and angry) or (role == "customer_calm" and len(angry) < len(cust_idx))
        rep.check(bool(used) == (role in voices), cid, "voices.%s present iff used" % role)
        if role in voices:
            for k, (lo, hi) in rng.items():
                rep.check(lo <= voices[role][k] <= hi, cid, "%s %s=%s outside %d-%d" % (role, k, voices[role][k], lo, hi))
    if "customer_calm" in voices and "customer_angry" in voices:
        rep.check(voices["customer_calm"]["voice"] == voices["customer_angry"]["voice"], cid,
                  "an escalating/calming customer keeps the same voice variant")
    rep.check(voices["agent"]["voice"] not in [v["voice"] for r, v in voices.items() if r != "agent"], cid,
              "agent and customer need different voices")
    # empathy
    emp = [i for i in agent_idx if has(A(i), L["empathy"])]
    if "empathy" in viol:
        rep.check(emo != "calm" and not emp, cid, "empathy violation needs an agitated customer and no empathy")
    elif emo != "calm":
        f = angry[0]
        rep.check(any(i > f and utts[i]["start"] <= utts[f]["end"] + 20.0 for i in emp), cid,
                  "no empathy within 20 s of the customer getting angry")
    # closing
    closers = [i for i in agent_idx if has(A(i), L["closing_question"])]
    last_agent = agent_idx[-1]
    if "closing" in viol:
        rep.check(not closers and not has(A(last_agent), L["thanks"]), cid, "closing violation, but the agent closes")
    else:
        rep.check(closers and closers[-1] >= agent_idx[-3] and has(A(last_agent), L["thanks"]), cid,
                  "polite closing missing (anything-else question and a thank-you at the end)")
    # prohibited promises
    pp = gt["prohibited_phrases"]
    rep.check(bool(pp) == ("prohibited-promise" in viol), cid, "prohibited_phrases vs prohibited-promise")
    for p in pp:
        u = utts[p["utterance"]]
        rep.check(u["speaker"] == "agent" and p["text"] in u["text"] and has(p["text"], L["promise"]), cid,
                  "prohibited phrase %r not in agent utterance %d" % (p["text"], p["utterance"]))
    if not pp:
        rep.check(not any(has(A(i), L["promise"]) for i in agent_idx), cid, "agent makes a promise but none is listed")
    # spoken card numbers
    pii = gt["pii_spoken"]
    rep.check(bool(pii) == ("pii-spoken" in viol), cid, "pii_spoken vs pii-spoken")
    for p in pii:
        u = utts[p["utterance"]]
        rep.check(p["type"] == "card" and u["speaker"] == "customer", cid, "pii entry must be a customer card number")
        rep.check(spoken_digits(u["text"], lang) == p["value"], cid, "spoken digits %r != value %s" % (
            spoken_digits(u["text"], lang), p["value"]))
        rep.check(len(p["value"]) in (15, 16) and luhn_ok(p["value"]), cid, "card %s is not Luhn-valid" % p["value"])
    listed = {p["utterance"] for p in pii}
    for i, u in enumerate(utts):
        if i not in listed:
            rep.check(len(spoken_digits(u["text"], lang)) < 12, cid, "utterance %d speaks a long number not listed" % i)
    # escalation
    esc = [i for i in cust_idx if has(A(i), L["escalation"])]
    esc_req = [i for i in cust_idx if has(A(i), L["escalation_request"])]
    rep.check(gt["escalation_requested"] == ("escalation-request" in viol), cid, "escalation_requested vs rule")
    if gt["escalation_requested"]:
        rep.check(bool(esc_req), cid, "escalation requested but no customer asks for a manager")
    else:
        rep.check(not esc, cid, "customer mentions a manager but escalation_requested is false")
    # dead air
    longest = gt["longest_dead_air_s"]
    rep.check((longest > 30.0) == ("dead-air" in viol), cid, "dead-air rule vs longest_dead_air_s %.2f" % longest)
    if "dead-air" in viol:
        rep.check(35.0 <= longest <= 45.0, cid, "hold of %.2f s, want 35-45 s" % longest)
    # duration
    if "dead-air" not in viol:
        rep.check(30.0 <= a["duration_s"] <= 75.0, cid, "duration %.2f s outside 30-75 s" % a["duration_s"])
    # omissions <-> violations, alerts
    for o in gt["agent_omissions"]:
        rep.check(OMISSION_RULE[o] in viol, cid, "omission %s without violation" % o)
    for v in viol & set(OMISSION_RULE.values()) - {"empathy"}:
        rep.check(any(OMISSION_RULE[o] == v for o in gt["agent_omissions"]), cid, "violation %s without omission" % v)
    if "empathy" in viol:
        rep.check("empathy" in gt["agent_omissions"], cid, "empathy violation without omission")
    want_alerts = set()
    if emo != "calm":
        want_alerts.add("anger")
    if abusive:
        want_alerts.add("abuse")
    if gt["escalation_requested"]:
        want_alerts.add("escalation")
    if pii:
        want_alerts.add("pii")
    if "dead-air" in viol:
        want_alerts.add("dead-air")
    if viol & COMPLIANCE_RULES:
        want_alerts.add("compliance")
    rep.check(set(gt["expected_alerts"]) == want_alerts, cid, "expected_alerts %s, derived %s" % (
        gt["expected_alerts"], sorted(want_alerts)))
    rep.check(gt["expected_violations"] == [r for r in RULES if r in viol], cid,
              "expected_violations should be unique and in rule order %s" % RULES)
    rep.check(gt["expected_alerts"] == [x for x in ALERT_ORDER if x in want_alerts], cid,
              "expected_alerts should be in the order %s" % ALERT_ORDER)
    # noise by rate
    if a["sample_rate"] == 8000:
        rep.check(a["noise_dbfs"] is not None and -60 <= a["noise_dbfs"] <= -55 and a["noise_color"] in ("pink", "brown"),
                  cid, "8 kHz calls need pink/brown line noise at -60..-55 dBFS")
    # spec metadata
    rep.check(doc["brand"] == lex_company[lang], cid, "brand %r is not the samples' company" % doc["brand"])
    for key in ("language", "started_at", "agent_id", "team", "queue", "brand"):
        rep.check(doc[key] == call[key], cid, "%s differs from the spec" % key)
    return {"doc": doc, "lv": lv, "size": os.path.getsize(wav) + len(raw)}


def main():
    global SAMPLES
    ap = argparse.ArgumentParser(description="validate samples/")
    ap.add_argument("-v", "--verbose", action="store_true", help="print levels and per-call progress")
    ap.add_argument("--samples", default=SAMPLES, help="corpus directory (default: samples/)")
    ap.add_argument("--spec", default=SPEC, help="dialogue specs (default: scripts/sample-calls.json)")
    args = ap.parse_args()
    SAMPLES = args.samples
    rep = Report(args.verbose)
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    calls = spec["calls"]
    results = {}
    for call in calls:
        cid = call["call_id"]
        path = os.path.join(SAMPLES, cid + ".json")
        if not rep.check(os.path.exists(path), cid, "missing sidecar"):
            continue
        res = check_call(rep, call, path, spec["company"])
        if res:
            results[cid] = res
            rep.info("%s ok-ish (%d errors so far)" % (cid, len(rep.errors)))
    expected = {c["call_id"] + ext for c in calls for ext in (".wav", ".json")} | {"README.md"}
    present = set(os.listdir(SAMPLES))
    rep.check(present == expected, "samples/", "unexpected or missing files: %s" % sorted(present ^ expected))

    # ---- corpus coverage
    C = "coverage"
    docs = [r["doc"] for r in results.values()]
    gts = [d["ground_truth"] for d in docs]
    en = [d for d in docs if d["language"] == "en"]
    ko = [d for d in docs if d["language"] == "ko"]

    def viol(d, v):
        return v in d["ground_truth"]["expected_violations"]

    def count(ds, pred):
        return sum(1 for d in ds if pred(d))

    rep.check(len(docs) == 20 and len(en) == 14 and len(ko) == 6, C, "want 20 calls: 14 en + 6 ko")
    cats_en = {c: count(en, lambda d, c=c: d["ground_truth"]["category"] == c) for c in CATEGORIES}
    rep.check(cats_en == {"refund": 4, "shipping": 4, "billing": 3, "other": 3}, C, "en categories %s" % cats_en)
    for c in ("refund", "shipping", "billing"):
        rep.check(count(ko, lambda d, c=c: d["ground_truth"]["category"] == c) >= 1, C, "ko needs a %s call" % c)
    agitated = [d for d in docs if d["ground_truth"]["customer_emotion"] != "calm"]
    rep.check(len(agitated) >= 5 and count(agitated, lambda d: d["language"] == "ko") >= 1, C,
              "need >= 5 angry customers incl. 1 Korean")
    rep.check(count(docs, lambda d: d["ground_truth"]["customer_emotion"] == "angry") >= 1
              and count(docs, lambda d: d["ground_truth"]["customer_emotion"] == "escalating") >= 1, C,
              "need an angry-from-the-start and an escalating customer")
    rep.check(count(docs, lambda d: viol(d, "greeting")) >= 2, C, "need >= 2 greeting misses")
    rep.check(count(docs, lambda d: viol(d, "recording-disclosure")) >= 2
              and count(ko, lambda d: viol(d, "recording-disclosure")) >= 1, C, "need >= 2 disclosure misses incl. 1 ko")
    rep.check(count(docs, lambda d: viol(d, "identity-verification")) >= 2, C, "need >= 2 identity misses")
    rep.check(count(agitated, lambda d: viol(d, "empathy")) >= 1, C, "need an angry call without empathy")
    rep.check(count(docs, lambda d: viol(d, "prohibited-promise")) >= 1, C, "need a prohibited promise")
    rep.check(count(docs, lambda d: viol(d, "closing")) >= 1, C, "need a call without closing")
    rep.check(count(en, lambda d: d["ground_truth"]["pii_spoken"]) >= 1
              and count(ko, lambda d: d["ground_truth"]["pii_spoken"]) >= 1, C, "need spoken cards in en and ko")
    rep.check(count(en, lambda d: viol(d, "dead-air")) >= 1 and count(ko, lambda d: viol(d, "dead-air")) >= 1, C,
              "need dead air in en and ko")
    rep.check(count(docs, lambda d: d["ground_truth"]["escalation_requested"]) >= 2, C, "need >= 2 escalation requests")
    rep.check(count(en, lambda d: d["ground_truth"].get("abusive_utterances")) >= 1
              and count(ko, lambda d: d["ground_truth"].get("abusive_utterances")) >= 1, C,
              "need an abusive customer in en and ko")
    rep.check(count(docs, lambda d: d["ground_truth"]["customer_emotion"] == "calm"
                    and not d["ground_truth"]["expected_violations"]) >= 3, C, "need >= 3 compliant calm controls")
    rep.check(count(docs, lambda d: d["ground_truth"]["overtalk"]) >= 6, C, "need overlaps in >= 6 calls")
    rep.check(count(docs, lambda d: any(o["who_interrupted"] == "agent" for o in d["ground_truth"]["overtalk"])) >= 1
              and count(docs, lambda d: any(o["who_interrupted"] == "customer" for o in d["ground_truth"]["overtalk"])) >= 1,
              C, "need interruptions by both customer and agent")
    k8 = [d for d in docs if d["audio"]["sample_rate"] == 8000]
    k16 = [d for d in docs if d["audio"]["sample_rate"] == 16000]
    rep.check(len(k8) >= 7 and count(k8, lambda d: d["audio"]["encoding"] == "mulaw") >= 4
              and count(k8, lambda d: d["audio"]["encoding"] == "pcm16") >= 1, C,
              "need >= 7 calls at 8 kHz, >= 4 mu-law and some PCM16")
    rep.check(len(k16) >= 7 and all(d["audio"]["encoding"] == "pcm16" for d in k16), C, "need >= 7 calls at 16 kHz PCM16")
    rep.check(len(k8) + len(k16) == len(docs), C, "only 8 and 16 kHz expected")
    ko_text = " ".join(u["text"] for d in ko for u in d["utterances"])
    for variant in ("환불해 주세요", "환불 좀", "환불 요청"):
        rep.check(variant in ko_text, C, "Korean texts should include the variant %r" % variant)
    pairs = [(d["audio"]["voices"]["agent"]["voice"], d["audio"]["voices"].get("customer_calm", d["audio"]["voices"].get(
        "customer_angry"))["voice"]) for d in docs]
    rep.check(len(set(pairs)) == len(pairs), C, "each call needs its own agent/customer voice pair")
    # loudness: angry utterances louder than calm ones
    ang = [x for r in results.values() for x in r["lv"]["angry"]]
    calm = [x for r in results.values() for x in r["lv"]["calm"]]
    if ang and calm:
        da, dc = sum(ang) / len(ang), sum(calm) / len(calm)
        rep.check(da > dc + 3.0, C, "angry speech %.1f dBFS is not clearly louder than calm %.1f dBFS" % (da, dc))
        rep.info("mean customer level: angry %.1f dBFS, calm %.1f dBFS" % (da, dc))
    for cid, r in results.items():
        if r["lv"]["angry"] and r["lv"]["calm"]:
            da = sum(r["lv"]["angry"]) / len(r["lv"]["angry"])
            dc = sum(r["lv"]["calm"]) / len(r["lv"]["calm"])
            rep.check(da > dc + 2.0, cid, "angry utterances (%.1f dBFS) not louder than calm ones (%.1f dBFS)" % (da, dc))
    total = sum(os.path.getsize(os.path.join(SAMPLES, f)) for f in present)
    rep.check(total < MAX_TOTAL_BYTES, C, "samples/ holds %d bytes, budget %d" % (total, MAX_TOTAL_BYTES))

    if rep.errors:
        for e in rep.errors:
            print("FAIL " + e)
        print("%d problem(s) in %d calls" % (len(rep.errors), len(calls)))
        sys.exit(1)
    print("OK: %d calls (%d en, %d ko), %d bytes in samples/ (%.1f MiB)" % (
        len(docs), len(en), len(ko), total, total / 1048576.0))


if __name__ == "__main__":
    main()
