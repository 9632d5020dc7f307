#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the abuse evaluation calls (dev/ and test/ beside this script) from the calls below.

Every call was written for this evaluation, after the training corpus and apart from it: no
sentence of scripts/generate-abuse-corpus.py is reused, and no company, name or sentence of
samples/. A line is "A: text" (agent) or "C: text" (customer); "C!kind: text" marks a customer
utterance that is abuse of that kind (insult, profanity, threat, sexual-harassment). Times come
from a speaking rate (2.5 words/s English, 5.5 syllables/s Korean) and gaps of 0.3-0.9 s.

The split was fixed before anything was run: within each language and group (abusive, civil,
ordinary) the calls are numbered in writing order; odd numbers are dev, even numbers test.

Usage: python3 generate_calls.py   (deterministic; rewrites dev/*.json and test/*.json)
"""

import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

EN = {
    "abusive": [
        ("telecom", "Kestrel Mobile", [
            "A: Kestrel Mobile, you're speaking with Jo, how can I help?",
            "C: My signal has been gone for four days and nobody has fixed it.",
            "A: I'm sorry about that. Can I take the number on the account?",
            "C: I've given it to three of you already.",
            "C!insult: Are you all brain dead over there or what?",
            "A: I understand you're frustrated. I can see an open fault on the mast near you.",
            "C!insult: Then fix it, you halfwit, instead of reading me a screen.",
            "A: I'm not able to continue if you speak to me like that. The engineers are due Thursday.",
            "C: Thursday. Fine. Just make sure it happens.",
        ]),
        ("bank", "Alder Bank", [
            "A: Good afternoon, Alder Bank, this is Priyesh.",
            "C: You froze my card in the middle of a supermarket queue.",
            "A: I'm sorry, that must have been embarrassing. It was blocked for a suspicious payment.",
            "C!profanity: It was my own fucking shopping, I buy it every week.",
            "A: I understand. I can unblock it once you confirm a couple of details.",
            "C!profanity: This is such bullshit, I've banked with you for twenty years.",
            "A: Thank you, you're verified. The card is working again now.",
            "C: Right. Thanks.",
        ]),
        ("energy", "Coppergate Energy", [
            "A: Coppergate Energy, Marta speaking.",
            "C: You've taken 410 pounds out of my account without asking.",
            "A: Let me look. That was the annual catch-up from your last meter reading.",
            "C: I never agreed to that.",
            "C!threat: Listen, I know your depot is on Mill Lane. I'll be waiting there when you clock off.",
            "A: I have to tell you that threats are recorded and reported. I can set up a refund request.",
            "C!threat: You'd better, or somebody there is getting hurt.",
            "A: I'm going to end this call now. The refund request is logged.",
        ]),
        ("hotel", "Seabright Hotels", [
            "A: Seabright Hotels reservations, Chloe speaking.",
            "C: Hi Chloe, I booked a sea view room but I got a car park view.",
            "A: I'm sorry about that, let me check the booking.",
            "C!sexual-harassment: Take your time, sweetheart, your voice is making my evening.",
            "A: I can move you to a sea view room from tomorrow.",
            "C!sexual-harassment: Or you could come up and keep me company in the room tonight.",
            "A: Please keep this professional. The room change is booked for tomorrow at noon.",
        ]),
        ("parcel", "Fleetfoot Couriers", [
            "A: Fleetfoot Couriers, how can I help today?",
            "C: My parcel says delivered but there's nothing here.",
            "A: Sorry to hear that. Can I have the tracking number?",
            "C: It's FX 2 0 4 9 8 1.",
            "A: The driver left it in a safe place, the photo shows a blue door.",
            "C!insult: My door is green, you moron, can't you see the photo is wrong?",
            "A: I'll open a missing parcel claim for you.",
            "C!profanity: Just get my shit delivered.",
        ]),
        ("streaming", "Reelhouse", [
            "A: Reelhouse support, this is Dev.",
            "C: I cancelled last month and you charged me again.",
            "A: I'm sorry. I can see the cancellation was not completed.",
            "C: So it's my fault now?",
            "A: Not at all, I'll refund this month's charge.",
            "C!profanity: About fucking time someone did.",
            "A: It will be back on your card in 3 to 5 days.",
            "C: Okay. Goodbye.",
        ]),
        ("insurance", "Brookline Insurance", [
            "A: Brookline Insurance claims, Hannah speaking.",
            "C: My claim for the stolen bike has been sitting there six weeks.",
            "A: I'm sorry for the wait. It's with the assessor.",
            "C!threat: If I don't get that money this week I'm coming to your office with a hammer.",
            "A: I have to warn you that threats of violence are reported. I will chase the assessor today.",
            "C: Just get it done.",
        ]),
        ("retail", "Birchwood Furniture", [
            "A: Birchwood Furniture, Sam speaking.",
            "C: The wardrobe came with a broken door.",
            "A: Oh no, I'm sorry. Can you send a photo of the damage?",
            "C!sexual-harassment: I'll send you a photo if you send me one of you in your underwear.",
            "A: I'm not going to respond to that. I'll email you a link to upload the photos.",
            "C!sexual-harassment: Shame, you sound like you've got a great body.",
            "A: I'm ending this call. The replacement request has been opened.",
        ]),
        ("healthcare", "Riverbend Clinic", [
            "A: Riverbend Clinic, reception, how can I help?",
            "C: I've been trying to get a blood test appointment for two weeks.",
            "A: I'm sorry. The next slot is Monday at 9.",
            "C!insult: Monday? Are you thick? I said it's urgent, you stupid woman.",
            "A: Please don't speak to me like that. I can put you on the cancellation list for tomorrow.",
            "C: Fine, put me on it.",
        ]),
        ("car rental", "Roadstar Rentals", [
            "A: Roadstar Rentals, Omar speaking.",
            "C: You charged my card 250 dollars for a scratch that was already there.",
            "A: I'm sorry. Did you take photos at pick up?",
            "C: Of course I did.",
            "C!profanity: And I'm not paying for your shitty inspection.",
            "C!threat: Charge me again and I'll smash every car on your lot.",
            "A: Threats are recorded. Please email the photos and I'll dispute the charge.",
        ]),
        ("pharmacy", "Hollis Pharmacy", [
            "A: Hollis Pharmacy, this is Grace.",
            "C: My prescription isn't ready again.",
            "A: I'm sorry, we're waiting on stock. It should be in tomorrow.",
            "C!sexual-harassment: You sound lovely. Are you single? I'd pick it up just to see you.",
            "A: I'll text you when it's ready.",
            "C: Okay, thanks.",
        ]),
        ("travel", "Wayfarer Holidays", [
            "A: Wayfarer Holidays, you're through to Leo.",
            "C: Our flight was cancelled and you've offered us nothing.",
            "A: I'm very sorry. I can rebook you on Saturday's flight.",
            "C!profanity: Saturday? We fly home Friday, for fuck's sake.",
            "A: I understand. Let me look at other airlines.",
            "C!insult: Don't bother, you're useless, you useless idiot.",
            "A: I've found a Friday evening flight with a partner airline at no cost.",
            "C: Oh. Okay. Book it.",
        ]),
    ],
    "civil": [
        ("telecom", "Kestrel Mobile", [
            "A: Kestrel Mobile, this is Jo.",
            "C: I'm absolutely fuming. My bill has doubled and nobody warned me.",
            "A: I'm sorry. Let me look at it.",
            "C: This is ridiculous, I want my money back.",
            "A: I can see a roaming charge from last weekend.",
            "C: I was never abroad. This is a disgrace.",
            "A: You're right, it's an error. I'll refund it today.",
        ]),
        ("bank", "Alder Bank", [
            "A: Alder Bank, how can I help?",
            "C: You bounced my rent payment and now my landlord is charging me a late fee.",
            "A: I'm so sorry. I can see the payment failed on a system fault.",
            "C: I'm going to complain to the financial ombudsman about this.",
            "A: You're entitled to. I'll also refund the late fee and our charge.",
            "C: I'm not stupid, I know this isn't the first time it's happened.",
            "A: I understand. I've logged a formal complaint for you as well.",
        ]),
        ("energy", "Coppergate Energy", [
            "A: Coppergate Energy, Marta speaking.",
            "C: This is the fourth time I've called about the same estimated bill.",
            "A: I'm sorry. Can you read me the meter now?",
            "C: It's 0 4 5 1 2. And I'm sick to death of being ignored.",
            "A: Thank you, I've corrected the bill to your reading.",
            "C: What the hell were you charging me for before then?",
            "A: It was an estimate. I'm sorry it was so far off.",
        ]),
        ("parcel", "Fleetfoot Couriers", [
            "A: Fleetfoot Couriers, good morning.",
            "C: Your driver threw my parcel over the gate and it's smashed.",
            "A: That's not acceptable, I'm sorry. Can you send photos?",
            "C: I'll send them, and I'll be posting them online too.",
            "C: I'm going to report this to trading standards.",
            "A: I understand. I'll open a damage claim right now.",
        ]),
        ("insurance", "Brookline Insurance", [
            "A: Brookline Insurance, Hannah speaking.",
            "C: You've turned down my claim on a technicality and it's outrageous.",
            "A: I'm sorry you're disappointed. Can I go through the reason with you?",
            "C: I'll be taking you to court if this isn't reversed.",
            "A: You can also ask for a review, which I can start today.",
            "C: Fine, start it, but I'm furious.",
        ]),
        ("retail", "Birchwood Furniture", [
            "A: Birchwood Furniture, Sam speaking.",
            "C: Three delivery slots and three no shows. I took a day off work each time.",
            "A: I'm really sorry. That shouldn't happen once, let alone three times.",
            "C: Honestly, this is the worst company I've ever dealt with.",
            "C: The damn sofa is still in your warehouse.",
            "A: I'll book a named driver for Saturday and refund the delivery charge.",
        ]),
        ("healthcare", "Riverbend Clinic", [
            "A: Riverbend Clinic, how can I help?",
            "C: I got a bill for an appointment that you cancelled yourselves.",
            "A: I'm sorry, let me check that.",
            "C: I'm really angry about it, I waited an hour before someone told me.",
            "A: You're right, it should not have been billed. I've cancelled the invoice.",
            "C: Thank you. Sorry for snapping.",
        ]),
        ("streaming", "Reelhouse", [
            "A: Reelhouse, this is Dev.",
            "C: Your app has logged me out on every device and I can't get back in.",
            "A: I'm sorry, let me send a reset link.",
            "C: I've tried that, it's useless, the link doesn't work.",
            "C: I feel like an idiot paying for something I can't watch.",
            "A: I'll reset it from here and credit you a month.",
        ]),
        ("car rental", "Roadstar Rentals", [
            "A: Roadstar Rentals, Omar speaking.",
            "C: The car broke down on the motorway and I waited three hours for help.",
            "A: I'm so sorry. That must have been frightening.",
            "C: It was. I'll never rent from you again.",
            "C: And I expect the whole rental refunded.",
            "A: I'll refund the rental and the taxi you paid for.",
        ]),
        ("utility", "Greyford Water", [
            "A: Greyford Water, this is Lena.",
            "C: There's been brown water out of my taps for two days.",
            "A: I'm sorry. There's repair work on your street.",
            "C: Nobody told us. I've got a baby in the house, this is shocking.",
            "C: I'm going to write to my MP about this.",
            "A: I understand. I'll arrange bottled water to be delivered today.",
        ]),
    ],
    "ordinary": [
        ("telecom", "Kestrel Mobile", [
            "A: Kestrel Mobile, this is Jo.",
            "C: Hi, I'd like to add a data bolt on to my plan.",
            "A: Sure, the 10 gig bolt on is 5 pounds a month.",
            "C: That's fine, let's do that.",
            "A: Done, it starts today.",
        ]),
        ("bank", "Alder Bank", [
            "A: Alder Bank, how can I help?",
            "C: I'm going abroad next week and want to let you know.",
            "A: Thank you. Where are you travelling?",
            "C: Portugal, for ten days. I'm single so it's only my card.",
            "A: I've added a travel note to your card.",
        ]),
        ("hotel", "Seabright Hotels", [
            "A: Seabright Hotels, Chloe speaking.",
            "C: I'd like a double room for two nights with my girlfriend.",
            "A: Of course, for which dates?",
            "C: The 14th and 15th. Is there a hot tub at the hotel?",
            "A: There is, on the top floor.",
        ]),
        ("parcel", "Fleetfoot Couriers", [
            "A: Fleetfoot Couriers, good morning.",
            "C: I need to arrange a collection for a return.",
            "A: No problem, what's the postcode?",
            "C: It's LS6 2 QT. Could the driver come after 2? I work nights.",
            "A: I've booked the collection for tomorrow afternoon.",
        ]),
        ("insurance", "Brookline Insurance", [
            "A: Brookline Insurance, Hannah speaking.",
            "C: I'd like to add my son as a named driver.",
            "A: Sure, what's his date of birth?",
            "C: The 2nd of March 2006. He'll kill me if I put it wrong.",
            "A: That's added, your premium goes up by 12 pounds a month.",
        ]),
        ("healthcare", "Riverbend Clinic", [
            "A: Riverbend Clinic, how can I help?",
            "C: I need to book a smear test.",
            "A: Of course. We have Tuesday at 10.",
            "C: Perfect. Do I need to bring anything?",
            "A: Just your appointment letter.",
        ]),
        ("retail", "Birchwood Furniture", [
            "A: Birchwood Furniture, Sam speaking.",
            "C: Does the oak bed come in a king size?",
            "A: It does, it's 640 pounds.",
            "C: Great, and do you take the old bed away?",
            "A: Yes, for 30 pounds.",
        ]),
        ("travel", "Wayfarer Holidays", [
            "A: Wayfarer Holidays, this is Leo.",
            "C: Can I add a checked bag to my booking?",
            "A: Yes, it's 35 pounds each way.",
            "C: And I'll need a knife and fork set for the camping trip, can that go in the bag?",
            "A: Cutlery is fine in checked luggage.",
        ]),
    ],
}

KO = {
    "abusive": [
        ("telecom", "바람통신", [
            "A: 바람통신 고객센터 상담원 이수진입니다.",
            "C: 인터넷이 사흘째 안 되는데 왜 아무도 안 와요?",
            "A: 불편을 드려 죄송합니다. 확인해 보겠습니다.",
            "C!insult: 확인은 무슨, 너네 다 머리가 비었냐?",
            "A: 고객님, 그런 말씀은 삼가 주세요. 내일 오전 기사 방문으로 잡아 드리겠습니다.",
            "C!insult: 됐고 이 병신 같은 것들아 오늘 와.",
            "A: 오늘은 어렵습니다. 내일 오전 아홉 시로 예약했습니다.",
        ]),
        ("bank", "솔빛은행", [
            "A: 솔빛은행입니다 무엇을 도와드릴까요?",
            "C: 제 카드가 갑자기 정지됐어요.",
            "A: 해외 결제 시도가 있어서 정지되었습니다.",
            "C!profanity: 씨발 내가 해외에 간 적이 없는데 무슨 소리야.",
            "A: 본인 결제가 아니시면 부정 사용으로 접수해 드리겠습니다.",
            "C!profanity: 아 존나 짜증 나네 빨리 해.",
            "A: 접수했습니다. 새 카드는 사흘 안에 발송됩니다.",
        ]),
        ("energy", "고운도시가스", [
            "A: 고운도시가스 고객센터입니다.",
            "C: 이번 달 가스비가 이십만 원이 넘게 나왔어요.",
            "A: 검침 내역을 확인해 보겠습니다. 지난달보다 사용량이 많습니다.",
            "C!threat: 너네 지사 어딘지 알아. 내가 찾아가서 다 때려 부순다.",
            "A: 고객님, 지금 말씀은 녹음되고 있으며 위협으로 접수될 수 있습니다.",
            "C: 그러니까 다시 검침해 달라고.",
            "A: 재검침 요청 접수해 드렸습니다.",
        ]),
        ("hotel", "파도호텔", [
            "A: 파도호텔 예약실 김하늘입니다.",
            "C: 다음 주 금요일에 방 하나 예약하려고요.",
            "A: 네 가능합니다. 몇 분이 묵으시나요?",
            "C!sexual-harassment: 나 혼자. 아가씨도 같이 와서 자고 가면 좋겠는데.",
            "A: 고객님, 그런 말씀은 성희롱에 해당합니다. 예약만 도와드리겠습니다.",
            "C!sexual-harassment: 목소리 들으니까 몸매도 좋을 것 같네.",
            "A: 계속 그러시면 통화를 종료하겠습니다.",
        ]),
        ("parcel", "날개택배", [
            "A: 날개택배 고객센터입니다.",
            "C: 택배가 일주일째 안 와요.",
            "A: 운송장 번호 말씀해 주시겠어요?",
            "C: 오 삼 팔 칠 이 구 일 사요.",
            "A: 확인해 보니 지역 터미널에 보관 중입니다.",
            "C!profanity: 보관은 지랄, 빨리 보내라고.",
            "C!insult: 일 처리를 이따위로 하는 새끼들.",
            "A: 내일 배송되도록 요청하겠습니다.",
        ]),
        ("card", "은하카드", [
            "A: 은하카드 상담원 박준영입니다.",
            "C: 연회비가 왜 빠져나갔어요?",
            "A: 작년에 면제 조건을 채우지 못하셔서 부과되었습니다.",
            "C!threat: 너 이름 기억했다. 퇴근길에 뒤에서 보자.",
            "A: 고객님, 그런 말씀은 협박에 해당합니다. 통화 내용은 녹음되고 있습니다.",
            "C: 연회비나 돌려줘.",
        ]),
        ("insurance", "한울손해보험", [
            "A: 한울손해보험 보상팀입니다.",
            "C: 차 사고 보상금이 아직도 안 나왔어요.",
            "A: 죄송합니다. 서류 검토 중입니다.",
            "C!threat: 이번 주에 안 나오면 사무실 가서 너부터 죽여버릴 거야.",
            "A: 고객님, 그런 말씀은 법적 조치 대상이 될 수 있습니다. 검토를 서두르겠습니다.",
        ]),
        ("retail", "하나로가구", [
            "A: 하나로가구입니다 무엇을 도와드릴까요?",
            "C: 침대 배송 날짜 좀 바꾸려고요.",
            "A: 네 원하시는 날짜가 있으신가요?",
            "C!sexual-harassment: 자기 퇴근하고 그 침대에서 같이 누워 볼래?",
            "A: 고객님, 그런 말씀은 하지 말아 주세요. 배송 날짜만 말씀해 주세요.",
            "C: 아 농담이야. 토요일로 해 줘.",
            "A: 토요일로 변경했습니다.",
        ]),
        ("healthcare", "새빛의원", [
            "A: 새빛의원 접수처입니다.",
            "C: 예약했는데 한 시간째 기다리고 있어요.",
            "A: 죄송합니다. 앞 진료가 늦어지고 있습니다.",
            "C!insult: 너 같은 멍청한 년이 접수를 보니까 이 모양이지.",
            "A: 그런 말씀은 삼가 주세요. 십 분 안에 들어가실 수 있도록 하겠습니다.",
        ]),
        ("car rental", "씽씽렌터카", [
            "A: 씽씽렌터카입니다.",
            "C: 반납했는데 흠집 수리비로 삼십만 원이 청구됐어요.",
            "A: 반납 때 찍은 사진에 흠집이 있습니다.",
            "C!profanity: 좆같은 소리 하지 마 원래 있던 거야.",
            "A: 대여 전 사진도 확인해 보겠습니다.",
            "C!threat: 확인 안 하면 너네 영업소 차 다 긁어 버린다.",
            "A: 지금 말씀은 녹음되었습니다. 확인 후 연락드리겠습니다.",
        ]),
        ("pharmacy", "초록약국", [
            "A: 초록약국입니다.",
            "C: 처방약 재고 있는지 물어보려고요.",
            "A: 네 약 이름 말씀해 주세요.",
            "C!sexual-harassment: 약보다 언니 번호가 더 궁금한데 애인 있어?",
            "A: 그런 질문에는 답변드리지 않습니다. 약 이름 말씀해 주세요.",
            "C: 알았어 혈압약이야.",
        ]),
        ("travel", "구름여행", [
            "A: 구름여행 고객센터입니다.",
            "C: 패키지 취소했는데 수수료가 왜 이렇게 많아요?",
            "A: 출발 칠 일 전 취소라 약관상 삼십 퍼센트가 부과됩니다.",
            "C!profanity: 씨발 약관 같은 소리 하네.",
            "C!insult: 니들이 사람이냐 도둑놈들아.",
            "A: 고객님, 폭언이 계속되면 통화를 종료할 수 있습니다. 수수료 감면 가능 여부를 확인해 보겠습니다.",
        ]),
    ],
    "civil": [
        ("telecom", "바람통신", [
            "A: 바람통신 고객센터입니다.",
            "C: 요금이 두 배로 나왔어요. 정말 화가 나네요 환불해 주세요.",
            "A: 불편을 드려 죄송합니다. 확인해 보겠습니다.",
            "C: 벌써 세 번째 전화하는 거예요. 이게 말이 됩니까?",
            "A: 부가서비스가 잘못 가입되어 있었습니다. 환불해 드리겠습니다.",
        ]),
        ("bank", "솔빛은행", [
            "A: 솔빛은행입니다.",
            "C: 이체 수수료가 또 빠졌어요. 진짜 어이가 없네요.",
            "A: 죄송합니다. 확인해 보겠습니다.",
            "C: 금융감독원에 민원 넣을 거예요.",
            "A: 수수료 면제 대상인데 잘못 부과되었습니다. 돌려 드리겠습니다.",
        ]),
        ("energy", "고운도시가스", [
            "A: 고운도시가스입니다.",
            "C: 보일러가 자꾸 꺼져요. 기사님이 두 번 왔는데 그대로예요.",
            "A: 불편을 드려 정말 죄송합니다.",
            "C: 애들 있는 집인데 추워서 미치겠어요.",
            "A: 오늘 오후에 책임 기사님이 방문하도록 하겠습니다.",
        ]),
        ("parcel", "날개택배", [
            "A: 날개택배입니다.",
            "C: 택배 상자가 다 찢어져서 왔어요. 정말 실망스럽네요.",
            "A: 죄송합니다. 사진 보내 주시면 보상 접수하겠습니다.",
            "C: 이런 일이 한두 번이 아니에요. 소비자원에 신고할 거예요.",
            "A: 네 보상 접수하고 담당 기사에게도 전달하겠습니다.",
        ]),
        ("insurance", "한울손해보험", [
            "A: 한울손해보험입니다.",
            "C: 보험금 지급이 거절됐는데 도저히 납득이 안 돼요.",
            "A: 거절 사유를 설명드려도 될까요?",
            "C: 설명은 됐고요, 변호사랑 상의해서 소송하겠습니다.",
            "A: 재심사 청구도 가능하니 안내해 드리겠습니다.",
        ]),
        ("retail", "하나로가구", [
            "A: 하나로가구입니다.",
            "C: 배송 날 하루 종일 기다렸는데 아무도 안 왔어요.",
            "A: 정말 죄송합니다.",
            "C: 휴가까지 냈는데 이게 뭐예요. 짜증 나 죽겠네요.",
            "C: 내일 매장에 직접 찾아가서 따질게요.",
            "A: 배송비 환불하고 내일 첫 배송으로 잡아 드리겠습니다.",
        ]),
        ("healthcare", "새빛의원", [
            "A: 새빛의원입니다.",
            "C: 검사 결과가 일주일째 안 나왔어요. 너무 답답해요.",
            "A: 죄송합니다. 바로 확인해 보겠습니다.",
            "C: 제가 바보인 줄 아세요? 어제도 내일 나온다고 하셨잖아요.",
            "A: 결과가 방금 나왔습니다. 오늘 문자로 보내 드리겠습니다.",
        ]),
        ("card", "은하카드", [
            "A: 은하카드입니다.",
            "C: 쓰지도 않은 결제가 두 번 청구됐어요.",
            "A: 확인해 보겠습니다.",
            "C: 이건 완전 사기 아니에요? 정말 열받네요.",
            "A: 중복 청구가 맞습니다. 바로 취소해 드리겠습니다.",
            "C: 소리 질러서 죄송해요. 너무 놀라서요.",
        ]),
        ("utility", "맑은샘수도", [
            "A: 맑은샘수도 고객센터입니다.",
            "C: 수돗물에서 녹물이 나와요. 이틀째예요.",
            "A: 불편을 드려 죄송합니다. 인근 공사 때문입니다.",
            "C: 미리 알려 주지도 않고 이게 뭐예요. 구청에 민원 넣을 거예요.",
            "A: 오늘 중으로 생수를 보내 드리겠습니다.",
        ]),
        ("travel", "구름여행", [
            "A: 구름여행입니다.",
            "C: 호텔이 사진이랑 완전 달라요. 정말 화가 납니다.",
            "A: 죄송합니다. 다른 호텔로 옮겨 드릴 수 있는지 보겠습니다.",
            "C: 여행 망쳤어요. 다시는 이용 안 해요.",
            "A: 차액은 환불해 드리고 오늘 다른 호텔로 옮겨 드리겠습니다.",
        ]),
    ],
    "ordinary": [
        ("telecom", "바람통신", [
            "A: 바람통신입니다.",
            "C: 데이터 요금제 좀 바꾸고 싶어요.",
            "A: 네 무제한 요금제로 바꾸시겠어요?",
            "C: 네 그걸로 해 주세요. 휴대폰 전원이 꺼져 있을 때도 문자 오나요?",
            "A: 네 켜시면 받으실 수 있습니다.",
        ]),
        ("insurance", "한울손해보험", [
            "A: 한울손해보험입니다.",
            "C: 질병 신고를 해야 하는데 서류가 뭐가 필요한가요?",
            "A: 진단서와 청구서가 필요합니다.",
            "C: 새끼손가락 골절도 같이 청구할 수 있나요?",
            "A: 네 같이 접수하시면 됩니다.",
        ]),
        ("card", "은하카드", [
            "A: 은하카드입니다.",
            "C: 카드를 잃어버려서 재발급 받으려고요.",
            "A: 분실 신고 먼저 해 드리겠습니다. 신청 시 발급 수수료는 없습니다.",
            "C: 아 다행이네요. 집으로 보내 주세요.",
            "A: 네 사흘 안에 도착합니다.",
        ]),
        ("travel", "구름여행", [
            "A: 구름여행입니다.",
            "C: 제주도 가는데 강아지도 같이 갈 수 있나요?",
            "A: 네 칠 킬로 이하면 기내 동반 가능합니다.",
            "C: 여자친구랑 같이 가는데 좌석 붙여 주세요.",
            "A: 나란히 배정해 드렸습니다.",
        ]),
        ("utility", "맑은샘수도", [
            "A: 맑은샘수도입니다.",
            "C: 이사를 가서 수도 명의를 바꾸려고요.",
            "A: 새 주소 말씀해 주세요.",
            "C: 대전시 유성구 봉명로 십이예요.",
            "A: 변경 완료되었습니다.",
        ]),
        ("healthcare", "새빛의원", [
            "A: 새빛의원입니다.",
            "C: 가슴 통증이 있어서 진료 예약하려고요.",
            "A: 내일 오전 열 시 가능합니다.",
            "C: 네 그때 갈게요.",
            "A: 예약되었습니다.",
        ]),
        ("retail", "하나로가구", [
            "A: 하나로가구입니다.",
            "C: 식탁 의자만 따로 살 수 있나요?",
            "A: 네 한 개에 오만 원입니다.",
            "C: 네 개 주문할게요.",
            "A: 주문 완료되었습니다.",
        ]),
        ("bank", "솔빛은행", [
            "A: 솔빛은행입니다.",
            "C: 적금 만기가 언제인지 알고 싶어요.",
            "A: 다음 달 십오 일입니다.",
            "C: 만기되면 자동으로 연장되나요?",
            "A: 아니요 입출금 통장으로 들어갑니다.",
        ]),
    ],
}

KINDS = {"insult", "profanity", "threat", "sexual-harassment"}


def duration(text, lang):
    if lang == "ko":
        syllables = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
        return max(0.8, syllables / 5.5)
    return max(0.8, len(text.split()) / 2.5)


def build(call_id, lang, business, brand, group, lines, rng):
    t = round(0.3 + rng.random() * 0.5, 2)
    utterances = []
    abusive = []
    for i, line in enumerate(lines):
        head, text = line.split(": ", 1)
        speaker = "agent" if head == "A" else "customer"
        if "!" in head:
            kind = head.split("!", 1)[1]
            if kind not in KINDS or speaker != "customer":
                raise SystemExit(f"{call_id}: bad label {head}")
            abusive.append({"index": i, "kind": kind})
        end = round(t + duration(text, lang), 2)
        utterances.append({"speaker": speaker, "start": t, "end": end, "text": text})
        t = round(end + 0.3 + rng.random() * 0.6, 2)
    if (group == "abusive") != bool(abusive):
        raise SystemExit(f"{call_id}: group {group} but {len(abusive)} abusive utterances")
    return {
        "call_id": call_id,
        "language": lang,
        "started_at": "2026-12-01T09:00:00Z",
        "brand": brand,
        "agent_id": f"a-{lang}-{business.replace(' ', '-')}",
        "channels": {"agent": "left", "customer": "right"},
        "utterances": utterances,
        "ground_truth": {"business": business, "group": group, "abusive_utterances": abusive},
    }


def main():
    rng = random.Random(20261217)
    for split in ("dev", "test"):
        os.makedirs(os.path.join(HERE, split), exist_ok=True)
        for f in os.listdir(os.path.join(HERE, split)):
            if f.endswith(".json"):
                os.remove(os.path.join(HERE, split, f))
    written = 0
    for lang, calls in (("en", EN), ("ko", KO)):
        for group, items in calls.items():
            for n, (business, brand, lines) in enumerate(items, start=1):
                call_id = f"abuse-{lang}-{group}-{n:02d}"
                split = "dev" if n % 2 == 1 else "test"
                call = build(call_id, lang, business, brand, group, lines, rng)
                with open(os.path.join(HERE, split, call_id + ".json"), "w", encoding="utf-8",
                          newline="\n") as f:
                    json.dump(call, f, ensure_ascii=False, indent=2)
                    f.write("\n")
                written += 1
    print(f"wrote {written} calls")


if __name__ == "__main__":
    main()
