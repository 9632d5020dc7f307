#!/usr/bin/env python3
"""Writes the abuse evaluation calls (dev/ and test/) from the specs below.

Each call alternates agent and customer turns; a customer line starting with '!' is labelled
abusive (its index goes into abusive_utterances). Every call has a class: abusive (kind named),
civil (angry but civil) or calm. The split is fixed here, written before any tuning: every call
whose number is odd goes to dev, even to test (test is half).
"""
import json, os

EN_AGENT = ["Thanks for calling, this call may be recorded. How can I help today?",
            "I'm sorry to hear that. Let me pull up your account.",
            "I understand. I can see what happened here.",
            "I've put that right for you now. Is there anything else?"]
KO_AGENT = ["안녕하세요 고객센터입니다. 통화 내용은 녹음됩니다. 무엇을 도와드릴까요?",
            "불편을 드려 죄송합니다. 바로 확인해 보겠습니다.",
            "네 고객님 말씀 이해합니다. 내역을 보고 있습니다.",
            "처리해 드렸습니다. 더 도와드릴 일이 있을까요?"]

EN = [
 ("bank", "insult", ["My card was declined at the shop for no reason.", "!Are you thick? I just told you the card number.", "Fine, send me a new card then."]),
 ("telecom", "insult", ["My internet has been down since Monday.", "!You clueless idiot, I already restarted the router.", "Just get an engineer out."]),
 ("airline", "insult", ["My bag did not arrive in Lisbon.", "!Honestly you are the most useless moron I have ever spoken to.", "!You pathetic clown, just find my bag.", "Whatever."]),
 ("insurance", "insult", ["I need to claim for a broken windscreen.", "!Can you even read, you dimwit? It's on the form.", "Okay, send me the reference."]),
 ("retail", "insult", ["The sofa arrived with a torn cushion.", "!Listen you stupid cow, I want it collected today.", "Thanks, I suppose."]),
 ("energy", "profanity", ["Why is my gas bill three hundred pounds?", "!Fuck you and your estimated readings.", "I'll send a photo of the meter."]),
 ("hotel", "profanity", ["My booking for Friday has disappeared.", "!Are you shitting me? You lost my booking?", "Fine, rebook it please."]),
 ("gym", "profanity", ["You took two payments this month.", "!You fucking thieves, give me my money back.", "Okay, when will it show?"]),
 ("parcel", "profanity", ["The tracking says delivered but nothing came.", "!Don't give me that, you lying piece of shit.", "Send a replacement then."]),
 ("streaming", "profanity", ["I was charged after I cancelled.", "!Screw you, I cancelled in March.", "Refund it please."]),
 ("carrental", "threat", ["You charged me for a scratch that was already there.", "!If you don't refund this I will find you and make you pay.", "I expect an email today."]),
 ("broadband", "threat", ["This is the fourth outage this month.", "!I know where your office is, I'll come down there and hurt someone.", "Just fix it."]),
 ("health", "threat", ["My appointment was cancelled again.", "!You'd better watch your back when you leave tonight.", "Book me in for next week."]),
 ("utility", "threat", ["The water has been off since this morning.", "!Keep this up and I'll burn your office down.", "Okay, what time will it be back?"]),
 ("travel", "sexual", ["I want to change my flight to Tuesday.", "!By the way your voice is really sexy.", "!What are you wearing right now?", "Okay, Tuesday is fine."]),
 ("bank", "sexual", ["I need to reset my online banking.", "!Are you single? Come to my place after your shift.", "Right, send me the link."]),
 ("petshop", "sexual", ["The dog food order is late.", "!Send me a picture of you and I'll forgive you.", "When will it arrive?"]),
 ("telecom", "sexual", ["I want to upgrade my phone.", "!You sound hot, I bet you look good in bed.", "Which plans do you have?"]),
 ("furniture", "mixed", ["The wardrobe doors don't close.", "!You moron, I want a fitter out.", "!Don't fucking transfer me again.", "Okay."]),
 ("insurance", "mixed", ["Why was my claim rejected?", "!I swear I'll kill you if you hang up on me.", "Right, put it in writing."]),
 ("bank", "civil", ["This is ridiculous, I have been charged twice.", "I'm absolutely livid, this is the third time I've called.", "Fine, thank you for sorting it."]),
 ("telecom", "civil", ["Your network is a joke, it drops every call.", "I am so angry, I work from home and I lost a client.", "I want compensation, not an apology."]),
 ("airline", "civil", ["The last agent called me a liar, can you believe it?", "I'm furious, I want a refund now.", "Okay, thank you."]),
 ("retail", "civil", ["This stupid website charged me and showed an error.", "I'm such an idiot, I pressed pay twice.", "Thanks for fixing it."]),
 ("energy", "civil", ["I will report you to the ombudsman if this isn't fixed.", "This is unacceptable, you people never listen.", "Alright, I'll wait for the letter."]),
 ("hotel", "civil", ["The room was filthy and the staff were rude.", "Someone at reception told me I was being stupid.", "I expect a partial refund."]),
 ("gym", "civil", ["I am sick and tired of this, cancel my membership.", "Are you kidding me? Another fee?", "Just cancel it."]),
 ("parcel", "civil", ["This damn parcel has been lost twice.", "I'm going to take my business elsewhere.", "Send me the claim form."]),
 ("streaming", "civil", ["Your app is garbage, it crashes every night.", "I'm so frustrated I could scream.", "Okay, I'll try reinstalling."]),
 ("carrental", "civil", ["I'll be taking legal action over this charge.", "You need to fix this today, not next week.", "Thank you, goodbye."]),
 ("health", "civil", ["My mum waited four hours, it's disgraceful.", "My brother said I was a fool to trust you.", "Please note my complaint."]),
 ("utility", "civil", ["This is a stupid system, nobody can tell me anything.", "I'm really upset about this.", "Fine."]),
 ("bank", "calm", ["Hi, I'd like to check my balance.", "Yes, the account ending four two.", "That's great, thanks."]),
 ("telecom", "calm", ["I'd like to add an international bundle.", "Yes please, starting today.", "Perfect, thank you."]),
 ("airline", "calm", ["Can I add a bag to my booking?", "One bag, twenty kilos.", "Lovely, thanks so much."]),
 ("retail", "calm", ["I want to return a jacket that doesn't fit.", "No, you're a star, that's really helpful.", "Bye now."]),
 ("energy", "calm", ["I'm moving house and need to close my account.", "The last day is the thirtieth.", "Thanks for your help."]),
 ("hotel", "calm", ["Can I get a late checkout on Sunday?", "Noon would be fine.", "Great, see you then."]),
 ("gym", "calm", ["I'd like to freeze my membership for a month.", "From the first of June.", "Thank you."]),
 ("parcel", "calm", ["Can I redirect my parcel to a locker?", "The one at the train station.", "Brilliant."]),
 ("streaming", "calm", ["How do I add a second profile?", "Oh I see it now, thanks.", "That's all, cheers."]),
 ("travel", "calm", ["I'd like to book a transfer from the airport.", "Two adults, arriving at six.", "Thanks, that's everything."]),
]

KO = [
 ("bank", "insult", ["카드 결제가 계속 거절돼요.", "!당신 진짜 멍청하네 몇 번을 말해", "새 카드 보내 주세요."]),
 ("telecom", "insult", ["인터넷이 사흘째 안 돼요.", "!야 이 바보야 공유기 껐다 켰다고", "기사님 보내 주세요."]),
 ("parcel", "insult", ["택배가 분실됐대요.", "!상담원 당신 머저리야?", "다시 보내 주세요."]),
 ("insurance", "insult", ["보험금 청구가 왜 거절됐어요?", "!너 같은 병신이랑은 말 안 해", "팀장 바꿔요."]),
 ("energy", "profanity", ["가스 요금이 왜 이렇게 많이 나왔어요?", "!씨발 장난하냐 지금", "검침 다시 해 주세요."]),
 ("hotel", "profanity", ["예약이 사라졌어요.", "!ㅅㅂ 당신네 뭐하는 데야", "다시 예약해 주세요."]),
 ("gym", "profanity", ["이번 달에 두 번 빠져나갔어요.", "!존나 어이없네 당신들 도둑이야?", "환불해 주세요."]),
 ("streaming", "profanity", ["해지했는데 또 결제됐어요.", "!지랄하지 말고 환불해", "언제 들어와요?"]),
 ("carrental", "threat", ["원래 있던 흠집 값을 청구하셨어요.", "!환불 안 해 주면 찾아가서 가만 안 둘 거야", "오늘 안에 연락 주세요."]),
 ("airline", "threat", ["짐이 안 왔어요.", "!너 퇴근길에 밤길 조심해라", "짐 찾으면 연락 주세요."]),
 ("health", "threat", ["예약이 또 취소됐어요.", "!두고 봐 당신 죽여버릴 거야", "다음 주로 잡아 주세요."]),
 ("travel", "sexual", ["출발 날짜를 바꾸고 싶어요.", "!목소리가 섹시하네 뭐 입고 있어?", "화요일로 해 주세요."]),
 ("retail", "sexual", ["주문한 옷이 안 왔어요.", "!애인 있어? 끝나고 나랑 만나서 놀자", "언제 와요?"]),
 ("bank", "civil", ["이거 너무 화나네요 당장 환불해 주세요.", "세 번째 전화하는 건데 정말 어이가 없어요.", "알겠습니다 감사합니다."]),
 ("telecom", "civil", ["지난번 상담원이 저보고 바보라고 했어요.", "너무 답답해서 화가 나요.", "처리해 주세요."]),
 ("parcel", "civil", ["이 앱 진짜 쓰레기네요 주문이 두 번 됐어요.", "제가 바보같이 두 번 눌렀나 봐요.", "감사합니다."]),
 ("energy", "civil", ["소비자원에 신고할 거예요.", "당신네 회사 서비스 정말 최악이에요.", "문자로 보내 주세요."]),
 ("gym", "civil", ["당장 해지해 주세요 더는 못 참겠어요.", "이게 말이 돼요? 또 수수료예요?", "그냥 해지해 주세요."]),
 ("bank", "calm", ["잔액 확인하고 싶어요.", "네 끝자리 사이 이요.", "감사합니다."]),
 ("hotel", "calm", ["일요일에 늦게 체크아웃할 수 있을까요?", "열두 시면 좋겠어요.", "네 감사합니다."]),
 ("streaming", "calm", ["프로필을 하나 더 만들고 싶어요.", "아 찾았어요 고마워요.", "그게 다예요."]),
 ("travel", "calm", ["공항 픽업을 예약하고 싶어요.", "어른 두 명이고 여섯 시 도착이에요.", "네 그게 다예요."]),
]

def write(lang, specs, prefix):
    for n, (biz, cls, lines) in enumerate(specs, 1):
        agent = KO_AGENT if lang == "ko" else EN_AGENT
        us, abusive, t = [], [], 0.3
        for k, line in enumerate(lines):
            a = agent[min(k, len(agent) - 2)]
            us.append({"speaker": "agent", "start": round(t, 2), "end": round(t + 4, 2), "text": a}); t += 4.5
            flagged = line.startswith("!")
            text = line[1:] if flagged else line
            if flagged:
                abusive.append(len(us))
            us.append({"speaker": "customer", "start": round(t, 2), "end": round(t + 4, 2), "text": text}); t += 4.5
        us.append({"speaker": "agent", "start": round(t, 2), "end": round(t + 4, 2), "text": agent[-1]})
        cid = f"{prefix}-abuse-{biz}-{n:02d}"
        call = {"call_id": cid, "language": lang, "started_at": "2026-11-20T09:00:00Z",
                "abuse_class": "abusive" if cls not in ("civil", "calm") else cls,
                "abusive_utterances": abusive, "utterances": us}
        split = "dev" if n % 2 == 1 else "test"
        os.makedirs(split, exist_ok=True)
        with open(os.path.join(split, cid + ".json"), "w", encoding="utf-8") as f:
            json.dump(call, f, ensure_ascii=False, indent=2)
            f.write("\n")

os.chdir(os.path.dirname(os.path.abspath(__file__)))
write("en", EN, "e")
write("ko", KO, "k")
