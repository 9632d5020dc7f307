#!/usr/bin/env python3
"""Generates the spoken-PII acceptance battery (pii-battery-dev.txt, pii-battery-test.txt).

    python3 generate_battery.py SEED OUT.txt

Each item is a short conversation: "@ id type value" then one line per utterance,
"SPEAKER START text" (A agent, C customer). `value` is what must not stay readable: the digits
for number types, the words for e-mail and names, "-" for non-PII items (which must keep every
number readable). Card numbers are generated Luhn-valid test numbers, never taken from samples/.
"""
import random
import sys

EN = "zero one two three four five six seven eight nine".split()
EN_HOMO = {"4": ["four", "for"], "2": ["two", "to", "too"], "1": ["one", "won"], "8": ["eight", "ate"],
           "0": ["zero", "oh", "o"]}
KO = "공 일 이 삼 사 오 육 칠 팔 구".split()
KO_ZERO = ["공", "영"]
TENS = "_ ten twenty thirty forty fifty sixty seventy eighty ninety".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
MONTHS = "january february march april may june july august september october november december".split()
FILL_EN = ["uh", "um"]
FILL_KO = ["어", "음"]
ACK_EN = ["okay", "okay go on", "yes", "uh huh", "go on", "got it", "okay yes"]
ACK_KO = ["네", "예", "네 네", "네 계속하세요"]


def luhn_ok(d):
    s = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2:
            v *= 2
            if v > 9:
                v -= 9
        s += v
    return s % 10 == 0


def card(r):
    prefix = r.choice(["4", "51", "52", "53", "54", "55", "37", "6011"])
    n = 15 if prefix == "37" else 16
    body = prefix + "".join(r.choice("0123456789") for _ in range(n - len(prefix) - 1))
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c


def digits(r, n, first="0123456789"):
    return r.choice(first) + "".join(r.choice("0123456789") for _ in range(n - 1))


def en_digit(r, c, vosk):
    if vosk and c in EN_HOMO and r.random() < 0.25:
        return r.choice(EN_HOMO[c])
    if c == "0" and r.random() < 0.4:
        return "oh"
    return EN[int(c)]


def say_en(r, d, vosk, groups=4, pairs=False):
    """Digits said one by one in groups, with double/triple and sometimes pair readings."""
    out = []
    for g in range(0, len(d), groups):
        chunk = d[g:g + groups]
        words = []
        i = 0
        while i < len(chunk):
            c = chunk[i]
            if pairs and i + 1 < len(chunk) and c in "23456789" and r.random() < 0.5:
                u = chunk[i + 1]
                words.append(TENS[int(c)] + ("" if u == "0" else " " + EN[int(u)]))
                i += 2
                continue
            if i + 1 < len(chunk) and chunk[i + 1] == c and r.random() < 0.4:
                words.append("double " + en_digit(r, c, vosk))
                i += 2
                continue
            words.append(en_digit(r, c, vosk))
            i += 1
        out.append(" ".join(words))
    return (" " if vosk else ", ").join(out)


def say_ko(r, d, groups=4, sep=None):
    out = []
    for g in range(0, len(d), groups):
        chunk = d[g:g + groups]
        w = [r.choice(KO_ZERO) if c == "0" else KO[int(c)] for c in chunk]
        out.append(" ".join(w) if r.random() < 0.6 else "".join(w))
    s = sep or r.choice([" ", " 에 ", " 다시 ", " 하고 ", " "])
    return s.join(out)


def say_written(d, groups=4, sep=" "):
    return sep.join(d[i:i + groups] for i in range(0, len(d), groups))


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


def one_error(r, d):
    i = r.randrange(len(d))
    return d[:i] + str((int(d[i]) + r.randint(1, 9)) % 10) + d[i + 1:]


def cut(r, text, parts):
    w = text.split()
    if parts <= 1 or len(w) < parts:
        return [text]
    idx = sorted(r.sample(range(1, len(w)), parts - 1))
    return [" ".join(w[a:b]) for a, b in zip([0] + idx, idx + [len(w)])]


class Conv:
    def __init__(self):
        self.lines = []
        self.t = 0.0

    def say(self, who, text):
        self.lines.append(f"{who} {self.t:.1f} {text}")
        self.t += r.uniform(1.2, 3.5)
        return self


def vosk_case(text):
    return "".join(c for c in text.lower() if c not in ".,?!'")


def emit(items, id_, type_, value, conv):
    items.append(f"@ {id_} {type_} {value}\n" + "\n".join(conv.lines))


def number_item(lang, vosk, type_, value, cue_a, cue_c, spoken, split, fill, reply=None):
    c = Conv()
    if cue_a:
        c.say("A", vosk_case(cue_a) if vosk else cue_a)
    parts = cut(r, spoken, split)
    fillers = FILL_KO if lang == "ko" else FILL_EN
    acks = ACK_KO if lang == "ko" else ACK_EN
    for i, p in enumerate(parts):
        if fill:
            ws = p.split()
            ws.insert(r.randrange(len(ws) + 1), r.choice(fillers))
            p = " ".join(ws)
        lead = (cue_c + " ") if (i == 0 and cue_c) else ""
        txt = lead + p
        if not vosk and lang == "en":
            txt = txt[0].upper() + txt[1:] + "."
        c.say("C", vosk_case(txt) if vosk else txt)
        if i + 1 < len(parts):
            c.say("A", r.choice(acks))
    if reply:
        c.say("A", reply)
    return c


def gen(seed, per):
    global r
    r = random.Random(seed)
    items = []
    n = 0

    def nid(t):
        nonlocal n
        n += 1
        return f"{t}-{seed}-{n:03d}"

    for k in range(per):
        lang = "en" if k % 2 == 0 else "ko"
        vosk = k % 4 in (1, 2, 3) if lang == "en" else r.random() < 0.5
        split = r.choice([1, 1, 2, 3])
        fill = r.random() < 0.35
        # card
        d = card(r)
        said = one_error(r, d) if r.random() < 0.25 else d
        if lang == "en":
            spoken = say_en(r, said, vosk, pairs=r.random() < 0.3) if (vosk or r.random() < 0.7) else say_written(said)
            cue_a = r.choice(["Can I have the card number please?", "What's the long number on the card?",
                              "Go ahead with the card number.", "Which card would you like to use?"])
            cue_c = r.choice(["", "sure it's", "the card number is", "", "it's"])
        else:
            spoken = say_ko(r, said) if r.random() < 0.8 else say_written(said, sep=r.choice([" ", "-"]))
            cue_a = r.choice(["카드번호 불러 주시겠어요?", "결제하실 카드번호 말씀해 주세요.", "카드번호 부탁드립니다."])
            cue_c = r.choice(["", "카드번호는", "네", ""])
        emit(items, nid("card"), "card", said, number_item(lang, vosk, "card", said, cue_a, cue_c, spoken, split, fill))
        # cvv
        v = digits(r, 4 if d.startswith("37") else 3)
        if lang == "en":
            cue_a = r.choice(["And the security code on the back?", "What is the CVV?", "The three digit security code please.", "And the CVC?"])
            spoken = say_en(r, v, vosk, groups=4)
            cue_c = r.choice(["", "it's", "the security code is"])
        else:
            cue_a = r.choice(["뒷면 CVC 세 자리 말씀해 주세요.", "CVC 번호 부탁드립니다.", "카드 뒷면 보안코드 세 자리요."])
            spoken = say_ko(r, v)
            cue_c = r.choice(["", "씨브이씨는", "네"])
        emit(items, nid("cvv"), "cvv", v, number_item(lang, vosk, "cvv", v, cue_a, cue_c, spoken, 1, fill))
        # expiry
        mm = r.randint(1, 12)
        yy = r.randint(26, 33)
        val = f"{mm:02d}{yy}"
        if lang == "en":
            cue_a = r.choice(["And the expiry date?", "What's the expiration date?", "When does the card expire?"])
            style = r.random()
            if style < 0.4:
                spoken = f"{'oh ' + EN[mm] if mm < 10 else TEENS[mm - 10]} {TENS[yy // 10]} {EN[yy % 10]}"
            elif style < 0.7:
                spoken = f"{MONTHS[mm - 1]} {TENS[yy // 10]} {EN[yy % 10]}"
                val = f"{yy}"
            else:
                spoken = f"{mm:02d}/{yy}" if not vosk else say_en(r, val, vosk)
            cue_c = r.choice(["", "it's", "it expires"])
        else:
            cue_a = r.choice(["유효기간 말씀해 주세요.", "카드 유효기간이 어떻게 되세요?"])
            spoken = r.choice([f"{say_ko(r, f'{mm:02d}', 2)} {say_ko(r, str(yy), 2)}", f"{mm:02d}/{yy}",
                               f"{ko_num(yy)}년 {ko_num(mm)}월"])
            if "년" in spoken:
                val = f"{yy}"
            cue_c = r.choice(["", "유효기간은", "네"])
        emit(items, nid("expiry"), "expiry", val, number_item(lang, vosk, "expiry", val, cue_a, cue_c, spoken, 1, fill))
        # account and routing
        a = digits(r, r.choice([8, 10, 11, 12, 14]), "123456789")
        if lang == "en":
            cue_a = r.choice(["What's the account number?", "Which account should the refund go to?", "Your bank account number please."])
            spoken = say_en(r, a, vosk, groups=r.choice([3, 4]))
            cue_c = r.choice(["", "the account number is", "it's"])
        else:
            cue_a = r.choice(["환불받으실 계좌번호 불러 주세요.", "계좌번호 말씀해 주시겠어요?"])
            spoken = say_ko(r, a, groups=r.choice([3, 4]))
            cue_c = r.choice(["", "계좌번호는", "국민은행", "네"])
        emit(items, nid("account"), "account", a, number_item(lang, vosk, "account", a, cue_a, cue_c, spoken, split, fill))
        if lang == "en":
            rt = digits(r, 9, "0123")
            spoken = say_en(r, rt, vosk, groups=3)
            emit(items, nid("routing"), "routing", rt, number_item(lang, vosk, "routing", rt, r.choice(["And the routing number?", "What is the bank's routing number?"]), r.choice(["", "routing is"]), spoken, split, fill))
            s = digits(r, 9, "1234567")
            if vosk:
                spoken = say_en(r, s, vosk, groups=3)
            else:
                spoken = r.choice([f"{s[:3]}-{s[3:5]}-{s[5:]}", say_en(r, s, vosk, groups=3)])
            emit(items, nid("ssn"), "ssn", s, number_item(lang, vosk, "ssn", s, r.choice(["Can you confirm your social security number?", "I need your SSN to verify.", "What are the digits of your social security number?"]), r.choice(["", "my social is", "it's"]), spoken, split, fill))
            # phone
            ph = r.choice(["2", "3", "4", "5", "6", "7", "8"]) + digits(r, 9)
            spoken = say_en(r, ph, vosk, groups=3) if vosk or r.random() < 0.5 else f"{ph[:3]}-{ph[3:6]}-{ph[6:]}"
            emit(items, nid("phone"), "phone", ph, number_item(lang, vosk, "phone", ph, r.choice(["What's the best number to reach you?", "Can I get a callback number?", "And your phone number?"]), r.choice(["", "it's", "you can call me on"]), spoken, split, fill))
            # e-mail
            first = r.choice(["mia", "noah", "priya", "lucas", "hana", "oscar", "zoe", "ravi"])
            last = r.choice(["fernandez", "kowalski", "nguyen", "brooks", "tanaka", "moreau", "silva"])
            dom = r.choice(["example", "mailbox", "postmail"])
            tld = r.choice(["com", "net", "org"])
            style = r.random()
            if style < 0.3 and not vosk:
                spoken = f"{first}.{last}@{dom}.{tld}"
            elif style < 0.6:
                spoken = f"{first} dot {last} at {dom} dot {tld}"
            else:
                spoken = " ".join(first) + f" {last} at {dom} dot {tld}"
            c = Conv().say("A", "what email should we send it to" if vosk else "What e-mail should we send it to?")
            c.say("C", ("it's " + spoken) if vosk else ("It's " + spoken + "."))
            emit(items, nid("email"), "email", f"{first}|{last}", c)
            # date of birth
            mon = r.randint(1, 12)
            day = r.randint(1, 28)
            year = r.randint(1950, 2004)
            dayw = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
            dw = dayw[day] if day <= 20 else "twenty " + dayw[day - 20]
            yw = f"nineteen {TENS[year // 10 % 10]} {EN[year % 10] if year % 10 else ''}".strip() if year < 2000 else f"two thousand {EN[year % 10]}"
            spoken = r.choice([f"{MONTHS[mon - 1]} {dw} {yw}", f"the {dw} of {MONTHS[mon - 1]} {yw}", f"{mon}/{day}/{year}"])
            if vosk:
                spoken = spoken.replace("/", " ")
            c = Conv().say("A", r.choice(["And your date of birth?", "Can you confirm your date of birth?", "What's your birthday?"]))
            c.say("C", (r.choice(["it's ", "", "i was born on "]) + spoken) if vosk else ("It's " + spoken + "."))
            emit(items, nid("dob"), "dob", str(year % 100).zfill(2) if "/" not in spoken and year < 2000 else f"{year}", c)
            # name
            c = Conv().say("A", "thank you for calling how can i help" if vosk else "Thank you for calling, how can I help?")
            c.say("C", (f"hi my name is {first} {last} i'm calling about my bill" if vosk else f"Hi, my name is {first.title()} {last.title()}, I'm calling about my bill."))
            emit(items, nid("name"), "name", f"{first}|{last}", c)
            # iban
            iban = iban_gb(r)
            c = Conv().say("A", "What's your IBAN?")
            written = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
            c.say("C", f"It's {written}." if not vosk else "it's " + " ".join(ch.lower() if ch.isalpha() else EN[int(ch)] for ch in iban))
            emit(items, nid("iban"), "iban", iban[4:], c)
        else:
            # RRN
            yy2, mm2, dd2 = r.randint(50, 99), r.randint(1, 12), r.randint(1, 28)
            rr = f"{yy2:02d}{mm2:02d}{dd2:02d}" + r.choice("1234") + digits(r, 6)
            style = r.random()
            if style < 0.3:
                c = number_item(lang, vosk, "rrn", rr, "주민등록번호 앞자리 말씀해 주세요.", r.choice(["", "앞자리는"]), say_ko(r, rr[:6], 6), 1, fill, reply="뒷자리도 부탁드립니다.")
                c.say("C", say_ko(r, rr[6:], 7))
            elif style < 0.6:
                c = number_item(lang, vosk, "rrn", rr, r.choice(["주민등록번호 불러 주세요.", "본인 확인을 위해 주민번호 부탁드립니다.", ""]), "", f"{say_ko(r, rr[:6], 6, ' ')} 다시 {say_ko(r, rr[6:], 7, ' ')}", split, fill)
            else:
                c = number_item(lang, vosk, "rrn", rr, r.choice(["", "본인 확인 부탁드립니다."]), r.choice(["", "제 번호는"]), f"{rr[:6]}-{rr[6:]}" if r.random() < 0.6 else fullwidth(f"{rr[:6]}-{rr[6:]}"), 1, False)
            emit(items, nid("rrn"), "rrn", rr, c)
            # Korean phone
            ph = "010" + digits(r, 8)
            spoken = say_ko(r, ph, 4) if r.random() < 0.7 else f"{ph[:3]}-{ph[3:7]}-{ph[7:]}"
            emit(items, nid("phone"), "phone", ph, number_item(lang, vosk, "phone", ph, r.choice(["연락 가능한 전화번호 알려 주세요.", "휴대폰 번호 부탁드립니다."]), "", spoken, split, fill))
            # Korean DOB
            yy3, mm3, dd3 = r.randint(50, 99), r.randint(1, 12), r.randint(1, 28)
            c = Conv().say("A", "생년월일 말씀해 주세요.")
            c.say("C", f"{ko_num(yy3)}년 {ko_num(mm3)}월 {ko_num(dd3)}일이요")
            emit(items, nid("dob"), "dob", f"{yy3:02d}{mm3}", c)
            # Korean name
            nm = r.choice(["박서연", "최도윤", "한지우", "윤하준", "서예린", "강민재"])
            c = Conv().say("A", "성함 말씀해 주세요.")
            c.say("C", r.choice([f"제 이름은 {nm}이에요", f"성함은 {nm}입니다", f"저는 {nm}입니다", f"{nm}이요"]).replace("이에요", "이에요"))
            if c.lines[-1].endswith(f"{nm}이요"):
                c.lines[-1] = c.lines[-1].replace(f"{nm}이요", f"제 이름은 {nm}이요")
            emit(items, nid("name"), "name", nm, c)
    # non-PII numbers
    for k in range(max(1, per // 2)):
        for text in nonpii(r, k):
            c = Conv()
            for who, t in text:
                c.say(who, t)
            emit(items, nid("none"), "none", "-", c)
    return items


def ko_num(n):
    s = ""
    if n >= 10:
        t = n // 10
        s += ("" if t == 1 else KO[t]) + "십"
    if n % 10:
        s += KO[n % 10]
    return s


def iban_gb(r):
    bank = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
    acct = digits(r, 14)
    bban = bank + acct
    num = "".join(str(ord(ch) - 55) if ch.isalpha() else ch for ch in bban + "GB00")
    check = 98 - int(num) % 97
    return f"GB{check:02d}{bban}"


def nonpii(r, k):
    price = r.randint(20, 900)
    p_en = f"{EN[price // 100]} hundred and {TENS[price % 100 // 10]} {EN[price % 10]}" if price >= 100 else f"{TENS[price // 10]} {EN[price % 10]}"
    order = digits(r, r.choice([6, 7, 8]), "123456789")
    n1, n2 = r.randint(2, 4), r.randint(5, 9)
    man = r.randint(2, 9)
    chun = r.randint(1, 9)
    opts = [
        [("C", f"i was charged {p_en} dollars twice"), ("A", "let me check that for you")],
        [("A", f"the refund takes {EN[n1]} to {EN[n2]} business days")],
        [("A", "what's your order number"), ("C", f"order number {say_en(r, order, True, groups=3)}")],
        [("C", f"my order number is {order}"), ("A", "thank you")],
        [("A", f"배송은 {KO[n1]} 일에서 {KO[n2]} 일 정도 걸립니다")],
        [("A", f"{KO[man]}만 {KO[chun]}천 원이 두 번 결제되었네요")],
        [("C", f"주문번호는 {say_ko(r, order, 3)}이에요"), ("A", "확인되었습니다")],
        [("A", f"it will arrive on {MONTHS[r.randrange(12)]} {TENS[2]} {EN[r.randint(1, 9)]}")],
        [("C", f"i bought {EN[n1]} of them for {TENS[r.randint(2, 9)]} dollars each")],
        [("A", f"your total is ${price}.{r.randint(10, 99)}"), ("C", "okay")],
        [("C", f"i've been waiting {TENS[r.randint(2, 5)]} minutes"), ("A", "i'm sorry about that")],
        [("A", f"that's {EN[n1]} items at {p_en} dollars")],
        [("A", f"환불은 {KO[n1]}일에서 {KO[n2]}일 걸려요"), ("C", "네 알겠습니다")],
        [("C", f"{ko_num(r.randint(11, 40))}분 기다렸어요")],
        [("A", f"it ships in {EN[n1]} days and costs {p_en} dollars"), ("C", "okay")],
        [("C", f"the package was {EN[n1]} pounds and it cost {TENS[r.randint(2, 9)]} {EN[r.randint(1, 9)]} ninety nine")],
        [("A", f"총 {KO[man]}만 {KO[chun]}천 원입니다"), ("C", "네")],
        [("C", f"i called {EN[n1]} times this week"), ("A", f"i see {EN[n1]} calls here")],
        [("A", f"order {order} was shipped on the {r.choice(['first', 'second', 'third', 'fifth'])}")],
        [("C", f"주문번호 {order}입니다")],
    ]
    return [opts[(k * 3 + i) % len(opts)] for i in range(3)]


if __name__ == "__main__":
    seed = int(sys.argv[1])
    items = gen(seed, 24)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(f"# spoken-PII battery, generate_battery.py seed {seed}; see that script for the format\n")
        f.write("\n\n".join(items) + "\n")
