#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the abuse corpus qa-rules/src/main/resources/io/callqa/rules/abuse/corpus.jsonl.

Hand-written seed utterances of a customer, per kind and language (below): insults, profanity,
threats of harm and sexual harassment, and as negatives angry-but-civil complaints (including
legal and regulatory threats, mild expletives such as "damn" and 젠장, and words that are abusive
elsewhere: "I'm not stupid", 미치겠네요, 전원이 꺼져 있어요) and ordinary talk. Seeds are written for
callqa across telecom, banks, cards, energy, water, insurance, travel, airlines, hotels, parcels,
retail, healthcare, pharmacies, streaming and car rental (invented businesses, none from
samples/). Each seed is expanded with slots into written variants and recognizer-style ones
(lower case, no punctuation, numbers as words, fillers, some misheard or dropped words; for
Korean, syllable slips and random spacing), reusing the rewriting of generate-act-corpus.py.
Abusive seeds are also joined to a civil or ordinary sentence before or after them (labelled with
the abuse), and civil seeds to ordinary ones. "none" also takes lines of the call-classifier and
dialogue-act corpora.

A fifth of the seeds of every kind (lowest CRC-32) and every variant of them form the "test"
split; joined utterances take the split of their abusive or civil seed.

Usage (from the repository root):  python3 scripts/generate-abuse-corpus.py
Deterministic: the same script gives the same file, byte for byte (stdlib only, fixed seed).
After changing it, retrain the bundled model (README, "Abuse detection").
"""

import importlib.util
import json
import os
import random
import re
import zlib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "qa-rules/src/main/resources/io/callqa/rules/abuse/corpus.jsonl")
CLASSIFY_CORPUS = os.path.join(
    REPO, "qa-rules/src/main/resources/io/callqa/rules/classify/training/corpus.jsonl")
ACT_CORPUS = os.path.join(REPO, "qa-rules/src/main/resources/io/callqa/rules/acts/corpus.jsonl")
SEED = 20261217
TEST_SHARE = 0.2

_spec = importlib.util.spec_from_file_location(
    "act_corpus", os.path.join(REPO, "scripts/generate-act-corpus.py"))
acts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(acts)

# Misheard forms of abusive words: a recognizer writes a word it knows, not always the one said.
acts.EN_CONFUSIONS.update({
    "fucking": ["freaking", "fuckin", "fuckin"], "fuck": ["fuck", "fork", "fock"],
    "shit": ["shit", "sheet", "shh it"], "idiot": ["idiots", "id it", "idiot"],
    "moron": ["moran", "more on"], "bitch": ["bitch", "beach", "pitch"],
    "stupid": ["stupid", "stupit"], "kill": ["kill", "keel"], "asshole": ["ass hole", "a hole"],
    "bastard": ["bastard", "bustard"], "sexy": ["sexy", "sexey"], "wearing": ["wearing", "where in"],
    "bullshit": ["bull shit", "bullshit"], "incompetent": ["in competent", "incompetent"],
})
acts.KO_SYLLABLES.update({"발": "빨", "씨": "시", "새": "세", "끼": "기", "놈": "넘", "병": "빙",
                          "죽": "쥭", "좆": "졷", "랄": "날", "섹": "색", "닥": "딱"})

SLOTS = {
    "en": {
        "company": ["Northwind Mobile", "Bluewave Broadband", "First Harbor Bank", "Maple Trust",
                    "Brightpath Energy", "Shieldline Insurance", "Sunward Travel", "Horizon Airways",
                    "Swift Parcel", "Oakridge Home", "Lumen Electronics", "Clearwater Utilities",
                    "Pinecrest Health", "Summit Car Rental", "Harborview Hotels", "Crescent Pharmacy",
                    "Nimbus Streaming", "Silverline Cards", "Keystone Loans", "Redline Couriers"],
        "agent": ["Dana", "Sam", "Priya", "Marcus", "Elena", "Tom", "Grace", "Luis", "Aisha", "Ben"],
        "item": ["internet", "bill", "parcel", "refund", "claim", "flight", "card", "router",
                 "prescription", "booking", "meter reading", "phone", "order", "rental car",
                 "subscription", "boiler repair", "loan statement", "hotel room"],
        "amount": ["$42", "$120", "$7.99", "$315", "$64", "£89", "$1,250", "$19.50"],
        "days": ["3 weeks", "10 days", "two months", "48 hours", "a month", "6 weeks"],
        "times": ["3", "4", "5", "6", "ten"],
        "digits": ["4 8 2 1 7 7 3", "90215577", "3 3 0 8 1", "7 1 6 4 4 2 9 0", "2 0 5 8"],
    },
    "ko": {
        "company": ["한빛통신", "푸른은행", "새봄에너지", "든든보험", "하늘여행사", "빠른택배", "미소마트",
                    "맑은물공사", "한결병원", "별빛카드", "누리가스", "온누리전자", "다온렌터카", "소망약국",
                    "해오름호텔", "가람항공", "모두인터넷", "초록전력"],
        "agent": ["김민지", "이준호", "박서연", "최지훈", "정하은"],
        "item": ["인터넷", "요금", "택배", "환불", "보험금", "항공권", "카드", "공유기", "처방전", "예약",
                 "검침", "휴대폰", "주문", "렌터카", "구독", "보일러 수리", "대출", "호텔 방"],
        "amount": ["42,100원", "12만 원", "7,900원", "315,000원", "6만 4천 원", "3만 원"],
        "days": ["3주", "열흘", "두 달", "이틀", "한 달"],
        "times": ["3", "4", "5", "6", "열"],
        "digits": ["5 3 8 7 2 9 1 4", "010 4821 7730", "7 7 1 0 2", "6 4 0 9 3 1", "2 9 5 8"],
    },
}

# ---------------------------------------------------------------------------------------------
EN = {
    "insult": [
        "You're a complete idiot.", "Are you stupid or something?",
        "You are the most useless person I have ever spoken to.",
        "Listen you moron, I told you {times} times already.",
        "What kind of brain dead idiot do they hire at {company}?", "You're an incompetent clown.",
        "Shut up and listen to me, you imbecile.", "You're too dumb to do your job.",
        "God, you are thick as a brick.", "Put someone on who isn't a total moron.",
        "You people are a bunch of morons.", "Are you deaf or just stupid?",
        "You pathetic little worm.", "Stop talking, you sound like an idiot.",
        "You absolute muppet, read your screen.", "You're worthless, do you know that?",
        "What a stupid cow you are.", "You're a joke, a pathetic joke of a person.",
        "Did your mother drop you on your head?", "Even a child could do your job, you halfwit.",
        "You're nothing but a useless parasite.", "Honestly you are the dumbest person I've dealt with.",
        "Shut your mouth.", "Listen here, you little brat.", "You lazy good for nothing.",
        "Are you retarded?", "You're a loser working in a call centre.", "You ignorant fool.",
        "You bitch, you're doing this on purpose.", "You stupid bastard.",
        "Quit being such an asshole.", "You lying snake.", "You're scum, all of you at {company} are scum.",
        "I'm talking to a brick wall, a stupid brick wall.", "Are you that stupid or are you pretending?",
        "You're a waste of oxygen.", "You dense idiot, the {item} is still broken.",
        "Learn to do your job, you lazy idiot.", "You dickhead, I said cancel it.",
        "What a useless waste of space you are.", "You clueless twit.", "Stop lying, you little prick.",
        "You're a sad pathetic little man.", "Shut up, nobody asked you, you moron.",
        "Get me someone with a brain, not you, idiot.", "You're a brainless robot.",
        "You're such a stupid woman.",
        "Put your brain in gear, idiot.",
        "You useless piece of garbage.",
        "You're a fat lazy slob.",
        "You're an ignorant pig.",
        "Idiot, absolute idiot.",
        "You're a spineless little coward.",
        "Honestly, what a pathetic excuse for a human.",
        "You ugly cow.",
        "You sound like a complete dope.",
        "You're a crook and a liar.",
        "You thick idiot, I said the {item}.",
        "Shut it, you stupid girl.",
        "Don't you dare talk back to me, you little rat.",
        "Are you simple or something?",
        "You're clearly too stupid to understand.",
        "You absolute cretin.",
        "You're nothing, you're a nobody on a phone.",
        "What a dumb cow.",
        "You're the thickest person in that building.",
        "Put your manager on, you useless lump.",
        "You dopey idiot.",
        "You're an embarrassment to {company}.",
        "Listen, dumbo.",
        "You snotty little cow.",
        "Quit whining, you pathetic wimp.",
    ],
    "profanity": [
        "This is fucking ridiculous.", "Fix my fucking {item}.",
        "What the fuck is going on with my {item}?", "I don't give a shit about your policy.",
        "This is bullshit and you know it.", "Fuck this, and fuck {company}.",
        "Holy shit, {amount} for what?", "Where the fuck is my {item}?",
        "Stop giving me this shit.", "I've been on hold for fucking ages.",
        "Your shitty service is a joke.", "Fuck off with your survey.", "Fucking hell, not again.",
        "Don't bullshit me.", "I'm sick of this shit.", "Just fucking do it.",
        "This motherfucking {item} never works.", "Why the fuck would I pay {amount}?",
        "That's a load of shit.", "Go fuck yourself.", "Shit, it's charged me again.",
        "Are you fucking kidding me?", "What a shitshow this is.",
        "I swear to god this fucking company.", "Oh for fuck's sake.",
        "Don't give me that shit about {days}.", "Fuckin useless, the lot of it.",
        "The {item} is a piece of shit.", "I'm so fucking done with {company}.",
        "Who the fuck approved this charge?", "Fuck me, {days} for a reply.",
        "It's the same shit every month.", "Fucking sort it out.", "What is this fucking mess?",
        "Christ, this is such bullshit.", "Cut the shit and refund me.",
        "I'm paying {amount} for this crap, fuck that.", "Bloody fucking useless {item}.",
        "Fuck's sake, {days} for a {item}.",
        "Shit, this is a total mess.",
        "Fucking brilliant, charged twice.",
        "You fucking people.",
        "Don't fuck me about.",
        "Who gives a shit what the system says.",
        "Are you taking the piss? Fucking hell.",
        "It's bullshit, total bullshit.",
        "What the fuck, {amount}?",
        "Fuck it, cancel everything.",
        "I'm fucking livid.",
        "Get your shit together, {company}.",
        "Stop fucking around and fix my {item}.",
        "The shittiest service I've ever had.",
        "This fucking {item} again.",
    ],
    "threat": [
        "I'm going to find you and make you pay.",
        "I know where your office is, I'll come down there and hurt someone.",
        "You'd better watch your back.", "If I lose this money I will kill you.",
        "I'll come down there and smash your face in.", "Keep talking and see what happens to you.",
        "I'll burn that store to the ground.", "I swear I will hunt you down.",
        "I'll wait for you outside the building after your shift.",
        "Give me your full name so I can find you.", "You'll regret this, I know people.",
        "Someone is going to get hurt if this isn't fixed.", "I'll break your neck.",
        "I'm coming to your office with a baseball bat.",
        "You won't be safe once I find out where you live.", "Do you want to die?",
        "I have a gun and I'm not afraid to use it.", "You should be scared of me.",
        "I'll slash your tyres.", "I'll come to your house and deal with you myself.",
        "I'm going to blow up your shop.", "Watch what happens to you when you leave work tonight.",
        "Your family should be careful.", "I'll knock your teeth out.", "I will end you.",
        "If you hang up I will come down there and hurt you.", "I'm going to beat you senseless.",
        "You're dead, do you hear me?", "I'll make you bleed for this.",
        "I'll stab the next person who tells me to wait.", "I'm going to torch your depot.",
        "I'll put you in hospital.", "Mark my words, I'll get you for this.",
        "I'm going to strangle you.", "I'll kick your head in.",
        "I'm coming for you.",
        "I know your name now, I'll find you.",
        "You'll be sorry when I get there.",
        "I'll wait in the car park for you.",
        "Next time I'll bring a knife.",
        "I'll make your life hell, I know where you work.",
        "People are going to get hurt over this.",
        "Somebody at {company} is going to get hurt.",
        "I'll be outside when you finish your shift.",
        "I'll be waiting by your car tonight.",
        "I know which branch you work at, see you later.",
        "I'll come round there and sort you out myself.",
        "You won't walk out of that building in one piece.",
        "Someone's going to pay for this in blood.",
        "I'll find out who you are and I'll be waiting.",
        "Better hope I never meet you in person.",
        "I'm coming to your office with a crowbar.",
        "I'll bring a hammer and see how you like that.",
        "Next time I come in I'm bringing something sharp.",
        "I'll come down to the shop and break some bones.",
        "You're going to get what's coming to you.",
        "I'll make you suffer for this.",
        "I'll rip your head off.",
        "I'll come down there and drag you out.",
        "You'll be in an ambulance by tonight.",
        "Don't make me come down there, you'll regret it.",
        "I'm going to wreck your shop.",
        "I'll set fire to your van.",
        "I'll have someone pay you a visit.",
        "I'll beat the living daylights out of you.",
        "Say that again and I'll come and find you.",
        "Sleep with one eye open.",
    ],
    "sexual-harassment": [
        "What are you wearing right now?", "You sound really sexy, baby.",
        "Are you single? I bet you look hot.", "Talk dirty to me and I'll pay the bill.",
        "Send me a picture of yourself.", "I'd love to take you to bed.",
        "Your voice is turning me on.", "What's your bra size?",
        "Come over to my place after your shift, sweetheart.", "Moan for me.",
        "I want to see you naked.", "You've got a sexy voice, give me your number.",
        "Do you have a boyfriend? I could show you a good time.",
        "I'm lying in bed thinking about you.", "Give me your personal number babe, we can have fun.",
        "Say that again, it's so hot.", "I bet you're gorgeous, tell me what you look like.",
        "Are you touching yourself?", "Let's get a hotel room together.", "You'd be fun in bed.",
        "I'll only pay if you go on a date with me.", "Tell me about your body.",
        "I can't stop thinking about your lips.", "Your voice makes me horny.",
        "Do you wear a skirt at work?", "Sit on my lap and we'll sort the bill.",
        "I want to kiss you all over.", "How old are you, sweetie? You sound young and hot.",
        "Take your clothes off and I'll stay on the line.", "I'd pay extra to see you in lingerie.",
        "Whisper something naughty to me.", "Come sit on my face.",
        "What colour is your underwear?",
        "You sound cute, are you wearing anything sexy?",
        "I want you, babe.",
        "Are you alone in the office? Let's talk about something naughty.",
        "Tell me you love me and I'll stay a customer.",
        "I'm thinking of you in the shower.",
        "Can I buy you dinner and take you home after?",
        "You must be hot with a voice like that.",
        "Do you like it rough?",
        "I'm imagining you in a tight dress.",
        "You sound like you'd be great in the sack.",
        "Let me hear you breathe heavy.",
        "What would you do if I was there with you now?",
        "I'd like to get you alone.",
        "Tell me what you look like naked.",
        "Send me a selfie, babe, I'll make it worth it.",
        "I bet you've got a nice arse.",
        "Give me a kiss down the phone.",
        "I want to hear you say something sexy.",
        "Does your boyfriend know how sexy you sound?",
    ],
    "civil": [
        "This is ridiculous, I want my money back.", "I'm really angry, this is the third time I've called.",
        "This is completely unacceptable.", "I am furious with how I've been treated.",
        "Your service is terrible.", "I'm going to take this to the ombudsman.",
        "I will report you to the regulator.", "I'll take you to court if I have to.",
        "I'm cancelling my account today.", "I'm going to post about this on every review site.",
        "You people never listen.", "I've had enough of this nonsense.", "This is a joke, honestly.",
        "Stop reading me the script.", "I'm sick and tired of being passed around.",
        "Put me through to your manager, now.", "I'm not stupid, I know what I was charged.",
        "I feel like an idiot for trusting you.", "What a stupid policy.",
        "This damn router keeps dropping.", "The bloody {item} still hasn't arrived.",
        "I've wasted my whole afternoon on this.", "You promised me last week and nothing happened.",
        "Don't you dare put me on hold again.", "I want compensation for this mess.",
        "It's disgraceful that a company your size can't do this.", "These fees are killing me.",
        "I'm shaking, I'm so angry.", "I could scream.", "This company is a shambles.",
        "Your website is useless.", "Hell no, I'm not paying that.", "What the hell is this charge?",
        "Why on earth would you charge me twice?", "I'm fed up.", "Don't hang up on me again.",
        "I'll be telling everyone I know to avoid {company}.", "I'm recording this call too.",
        "Give me your name, I'm filing a complaint.", "I'll come down to the branch myself tomorrow.",
        "Are you even listening to me?", "I'm shouting because nobody listens.",
        "You've ruined my holiday.", "I want to speak to someone who can actually help.",
        "This is the worst customer service I've ever had.", "I'm beyond frustrated.",
        "This is absurd.", "I've been a customer for {days} and this is how you treat me?",
        "Unbelievable, absolutely unbelievable.", "I want this fixed today, not next week.",
        "Stop interrupting me.", "I'm going to the press with this.", "I'll be contacting my lawyer.",
        "I'm not paying a penny until this is sorted.", "You're not helping at all.",
        "That's a lie, I never agreed to that.", "I'm so angry I can't even think.",
        "Sorry for shouting, I'm just really upset.", "This is daylight robbery.",
        "I've called {times} times and nobody has fixed my {item}.",
        "I'm disgusted, {amount} taken without asking.", "Damn it, the {item} failed again.",
        "What a crap week, and now this.", "I'm pissed off, to be honest.",
        "The {item} is rubbish and you know it.", "I'm done with {company}, close my account.",
        "You'd better fix this or I'm leaving.", "I'm going to dispute the charge with my bank.",
        "I will never use {company} again.", "I'm going to complain to trading standards.",
        "This is a nightmare, {days} without my {item}.", "Honestly, what is wrong with you people?",
        "I'm losing my patience here.", "Don't patronise me.", "I don't want excuses, I want it fixed.",
        "This is killing my business.", "My {item} is dead again.", "I could kill for a straight answer.",
        "I'm dying to know why it takes {days}.", "Your app is garbage.", "It's a total scam.",
        "I'm not your sweetheart, I'm a paying customer.", "I was charged for a hotel room I never booked.",
        "I'm not an idiot, I can read a bill.",
        "Do you think I'm stupid?",
        "Don't treat me like I'm stupid.",
        "I was stupid enough to trust your advert.",
        "Your policy is useless to me.",
        "The app is useless, it crashes every time.",
        "I will sue you if this isn't fixed.",
        "I'll sue {company} for every penny.",
        "See you in court.",
        "You'll be hearing from my solicitor.",
        "I'm going to report you to your manager.",
        "I'll make a formal complaint about you.",
        "I'm taking legal action.",
        "I'll report this to the police, it's fraud.",
        "I'm going to the small claims court.",
        "This is killing me, honestly.",
        "My phone is dead because of your update.",
        "I could murder a coffee after this call.",
        "What the hell happened to my {item}?",
        "Bloody hell, {amount} for nothing.",
        "It's a damn disgrace.",
        "Don't be ridiculous.",
        "That's the most stupid thing I've heard.",
        "Give me your name and your manager's name.",
        "I know where your head office is, I'll write to the chief executive.",
        "I'm coming into the store tomorrow to sort it out.",
        "I'll be waiting for your call, and it had better be today.",
        "You'll regret losing a customer like me.",
        "I'm shaking with anger.",
        "You have no idea how angry I am right now.",
        "Are you kidding me?",
        "You've got to be joking.",
        "I'm done being polite about this.",
        "This is harassment, you keep calling me.",
        "Your collections team threatened me.",
        "I'm so sick of this I could cry.",
        "Oh my god, not again.",
        "Jesus, how long does it take?",
        "I'm going to lose my mind.",
        "I swear this company is the worst.",
        "I'll be waiting for a callback, and it had better come today.",
        "Somebody needs to sort this out.",
        "Someone is going to hear about this at head office.",
        "My back hurts from carrying the parcel back to the depot.",
        "I'll come in to the branch and wait until it's fixed.",
        "I know where your office is, I'll bring the paperwork in person.",
        "I told you already, the {item} never came.",
        "I've explained this to {times} of your colleagues.",
        "You said that last time and nothing changed.",
        "You sent me the wrong one, again.",
        "You're the {times}th person I've spoken to today.",
        "I've told you twice, I don't want the upgrade.",
        "You keep saying that, but it's still broken.",
        "Did you even read my email?",
        "You lot said it would be fixed by now.",
        "Are you sure? Because that's not what you told me yesterday.",
        "I've given you my number {times} times.",
        "You people have had my money for {days}.",
        "You told me it was free.",
        "You really need to sort your systems out.",
        "Why do you keep transferring me?",
        "I've been through all this with you already.",
        "Just get it sorted.",
        "Just do it, please.",
        "Just fix it.",
        "Get on with it then.",
        "Do it now, please.",
        "Just get it done today.",
        "Get it fixed or I'm leaving.",
        "Just cancel it.",
        "Just put me through.",
        "Get me a refund, now.",
        "Just tell me when.",
        "Sort it out, that's all I ask.",
        "Get someone to call me back.",
        "Just send the engineer.",
    ],
    "ordinary": [
        "I'd like to check the status of my {item}.", "Can you tell me when my {item} will arrive?",
        "I was charged {amount}, can you explain it?", "I'm single, do I need to add anyone to the policy?",
        "Can I send you a picture of the damage?", "The engineer said he'd come between 8 and 12.",
        "My name is Richard, but everyone calls me Dick.", "I need to book a double hotel room for two nights.",
        "Is there a gun safe at the hotel?", "The knife block arrived with a crack in it.",
        "My boyfriend is the account holder, can he call you?", "What should I wear for the blood test?",
        "I need to kill the old direct debit and set up a new one.", "The baby seat for the rental car, please.",
        "My girlfriend ordered it for me.", "The heating is on but the water isn't hot.",
        "I work nights so please call after 2.", "Can you post the documents to my office?",
        "My family is moving to a new address next month.", "The parcel was left outside by the bins.",
        "Do you deliver on Saturdays?", "The bill says {amount} but I paid already.",
        "I'd like to upgrade to the faster plan.", "Can I pay in instalments?",
        "The prescription needs to be renewed.", "My flight was moved to the evening.",
        "I'd like to add my wife as a second driver.", "How do I reset my password?",
        "Thank you, that's really helpful.", "Okay, yes, go ahead.", "The meter is in the basement.",
        "My bed frame was delivered without the screws.", "The hotel room had no hot water.",
        "I'm calling about the fire damage claim.", "The boiler pressure drops every night.",
        "Please send the refund to the card ending 4412.", "Can I speak to the same agent as yesterday?",
        "I'm at work right now so I have to be quick.", "We had a break in and the TV was stolen.",
        "I'd like to report a burst pipe.", "He threatened to sue the other driver, not me.",
        "The tracking number is {digits}.",
        "My account number is {digits}.",
        "Yeah fine, do that then.",
        "Okay mate, cheers.",
        "Sure, whatever's easiest.",
        "The car broke down on the way to the airport.",
        "My boiler broke down again last night.",
        "Can you break down the bill for me?",
        "The engineer will take the old meter down.",
        "The oak bed, does it come in a king size?",
        "I need a hammer drill, is it in stock?",
        "The baseball tickets were for my son.",
        "I'm coming to your office on Friday to drop off the forms.",
        "I'll be in bed by nine so call before then.",
        "I'll die of old age waiting for this parcel, haha.",
        "Does the shotgun licence need to be on the home insurance?",
        "Can you shoot me an email with the details?",
        "Can you check it for me?",
        "Did you get my email?",
        "Are you able to send it again?",
        "I gave it to the driver already.",
        "Three of you called me last week about the survey.",
        "Could you read that back to me?",
        "Thank you, you've been great.",
        "I've already paid it.",
        "Can you tell me when it's due?",
        "Do you need my reference number?",
        "You're right, that's my old address.",
        "I've got it here, do you want the serial number?",
        "Just the one, thanks.",
        "Get it delivered to the back door.",
        "Can you do it today?",
        "Just checking the balance.",
        "I'll get it done online.",
        "Just a quick question about my bill.",
    ],
}

KO = {
    "insult": [
        "너 진짜 멍청하구나.", "이 병신아 그것도 못 해?", "야 이 새끼야 내 말 안 들려?",
        "개새끼가 어디서 말대꾸야.", "미친놈 아니야 이거?", "너 머리가 나쁘냐?",
        "상담원이 이렇게 무식해도 돼?", "너 같은 쓰레기랑 말 안 해.", "또라이 같은 소리 하고 있네.",
        "등신 같은 게 뭘 안다고.", "닥쳐 그냥 시키는 대로 해.", "입 닥치고 책임자 바꿔.",
        "너 같은 게 무슨 상담원이야.", "돌대가리냐 몇 번을 말해.", "이런 한심한 인간이 다 있네.",
        "꺼져 너랑 얘기 안 해.", "저능아도 아니고 왜 못 알아들어.", "븅신 같은 소리 좀 그만해.",
        "이 무능한 놈아.", "버러지 같은 것들.", "바보 천치냐 너?", "싸가지 없는 새끼.",
        "머저리 같은 놈.", "{company} 직원들은 다 인간 쓰레기야.", "너 모자란 거 아니야?",
        "미친년이 뭐라는 거야.", "이 멍청한 놈아 {item} 안 된다고.", "대가리는 장식이냐?",
        "너 같은 게 사람이냐.", "개념 없는 새끼들.", "주제도 모르는 게 어디서 가르쳐.",
        "말귀를 못 알아듣네 이 병신이.", "너 진짜 일 못한다 멍청아.", "귀가 먹었냐 이 새끼야.",
        "저 새끼 또 변명하네.", "너네 회사는 다 미친놈들만 있냐.", "한심한 놈 너는 해고감이야.",
        "꺼져 이 자식아.",
        "이 자식이 어디서.",
        "야 너 귀먹었냐 멍청아.",
        "너 같은 건 해고당해야 돼 병신아.",
        "야 이 쓰레기야.",
        "너 같은 멍청이는 처음 본다.",
        "말귀 못 알아듣는 등신이네.",
        "이 한심한 인간아.",
        "너 지능이 모자라냐?",
        "상담원 주제에 어디서.",
        "개념 없는 것들.",
        "머리 나쁜 년.",
        "이 무식한 새끼.",
        "너네는 다 멍청이들이야.",
        "정신병자 같은 소리 하네.",
        "개돼지 취급하냐?",
        "니가 뭘 알아 이 천치야.",
        "그것도 모르는 바보 멍청이.",
        "사람 말 못 알아듣는 병신.",
        "진짜 멍청한 게 일을 하네.",
    ],
    "profanity": [
        "씨발 이게 말이 돼?", "시발 {item} 언제 되냐고.", "존나 짜증나네 진짜.", "아 씨바 또 끊겼어.",
        "좆같은 회사.", "지랄하고 있네.", "염병할 요금 또 올랐네.", "씨팔 몇 번을 전화해야 돼?",
        "개씨발 진짜.", "엿 먹어라.", "존나 느려 터졌네.", "좆도 모르면서 떠들지 마.",
        "썅 또 기다리래.", "아 씨발 진짜 미치겠네.", "니미 이게 뭐야.", "씨발놈들아 돈 돌려줘.",
        "좆까 그딴 규정.", "지랄 좀 그만 떨어.", "{amount}이 씨발 말이 되냐.", "존나 어이없네.",
        "시발 {days}째 안 와.", "아 좆같네 진짜.", "씨발 장난하냐?", "개같은 서비스 씨발.",
        "졸라 비싸네 씨.", "염병 또 오류야.", "{item} 씨발 또 고장이야.", "씨발 뭐 하자는 거야.",
        "지랄 맞은 {company}.", "존나 답답하네 씨발.", "아 시발 진짜 열받네.", "좆 같은 {item}.",
        "씨발 또 이래.",
        "존나 열받네.",
        "좆같이 일하네.",
        "아 씨발 뭐야 이거.",
        "시발 빨리 좀 해.",
        "개씨발 돈 내놔.",
        "지랄도 풍년이다.",
        "존나 오래 걸리네.",
        "씨발 요금 폭탄이네.",
        "좆같은 {item}.",
        "아 씨발 진짜 짜증 나.",
        "존나 황당하네.",
        "염병하네 진짜.",
        "씨바 이게 몇 번째야.",
    ],
    "threat": [
        "너 가만 안 둔다.", "찾아가서 죽여버릴 거야.", "회사에 불 질러 버린다.", "밤길 조심해라.",
        "너 퇴근할 때 보자.", "칼 들고 찾아간다.", "내가 너 어디 사는지 알아낼 거야.", "죽고 싶냐?",
        "너희 가족 조심해라.", "다 때려 부숴 버린다.", "얼굴 보면 가만 안 둬.", "목을 따버린다.",
        "패 죽인다 진짜.", "휘발유 들고 간다.", "묻어 버린다.", "너 이름 알아냈으니까 각오해.",
        "내 손에 죽는다.", "사무실 앞에서 기다린다 나오기만 해.", "지점 가서 다 엎어 버리고 너 죽인다.",
        "내가 찾아가면 너 병원 간다.", "뒤통수 조심해라.", "오늘 밤에 찾아가서 혼내 줄게.",
        "너 죽이러 간다.", "한 번만 더 그러면 죽여버린다.", "칼로 쑤셔 버린다.",
        "가만두지 않을 거야 너.", "집까지 쫓아간다.", "내가 가서 다 부숴 버릴 거다.",
        "너 오늘 제삿날이다.", "다리몽둥이를 분질러 버린다.",
        "너 어디 사는지 찾아낸다.",
        "가만 안 둘 거야 두고 봐.",
        "내가 가면 너 죽는다.",
        "불 싸질러 버린다.",
        "너 얼굴 한번 보자 가만 안 둔다.",
        "지점 유리창 다 깨 버린다.",
        "죽여 버리기 전에 빨리 해.",
        "칼 들고 간다 기다려.",
        "니 가족 다 찾아간다.",
        "몸조심해라.",
        "퇴근길 조심해.",
        "너 오늘 끝이다.",
    ],
    "sexual-harassment": [
        "목소리 섹시하네 몇 살이야?", "지금 뭐 입고 있어?", "애인 있어? 오빠랑 만날래?",
        "목소리 들으니까 흥분된다.", "사진 좀 보내봐 얼굴 보게.", "같이 자자.", "가슴 커?",
        "몸매 좋을 것 같은데.", "퇴근하고 모텔 갈래?", "자기야 신음 소리 한번 내봐.",
        "개인 번호 알려줘 따로 만나자.", "누워서 네 목소리 듣고 있어.", "벗은 거 보고 싶다.",
        "야한 얘기 해줘.", "키스하고 싶다.", "남자친구랑 잘 때 어때?", "엉덩이 예쁘겠다.",
        "목소리가 예쁘네 얼굴도 예쁘지?", "오빠가 요금 내줄 테니까 한 번 만나자.",
        "속옷 무슨 색이야?", "침대에서 네 목소리 들으니까 좋다.", "다리 예쁘겠다 치마 입었어?",
        "섹시한 목소리로 한 번만 더 말해 줘.", "자기야 나랑 데이트하자.", "몸 사진 보내 주면 해지 안 할게.",
        "옷 벗고 통화하자.", "너 목소리에 꼴린다.", "뽀뽀해 주면 용서해 줄게.",
        "목소리 너무 귀엽다 오빠랑 놀자.",
        "속옷 입었어?",
        "너 몸매 사진 보내 봐.",
        "나랑 자면 요금 안 깎아 줘?",
        "목소리 야하다.",
        "지금 침대야?",
        "오빠가 맛있는 거 사 줄게 만나자.",
        "너 몸 사진 좀 보여 줘.",
        "자기 목소리 들으면 흥분돼.",
        "키스해 줄래?",
        "치마 입고 일해?",
        "가슴 사이즈 뭐야?",
        "벗고 있는 거 상상했어.",
        "나랑 모텔 가자.",
        "섹시한 목소리로 내 이름 불러 봐.",
        "애인 없으면 나랑 사귀자 오늘 밤 어때.",
        "언니 번호 뭐야 따로 연락할게.",
        "누나 전화번호 좀 알려 줘 사적으로 만나게.",
        "번호 주면 요금 다 낼게 예쁜이.",
        "남자친구 있어? 없으면 번호 줘.",
        "목소리 예쁜데 개인 연락처 좀.",
        "애인 있냐? 나랑 만나자.",
    ],
    "civil": [
        "정말 화가 나네요 환불해 주세요.", "이게 말이 됩니까? 세 번째 전화하는 거예요.",
        "너무 어이가 없네요.", "소비자원에 신고하겠습니다.", "금융감독원에 민원 넣을 거예요.",
        "고소하겠습니다.", "책임자 바꿔 주세요.", "진짜 짜증나네요.", "왜 자꾸 말을 바꾸세요?",
        "정말 실망스럽습니다.", "이런 서비스는 처음 봐요.", "당장 해지하겠습니다.",
        "제가 바보인 줄 아세요?", "미치겠네요 정말.", "아 미치겠다 또 안 돼요.", "젠장 또 끊겼네요.",
        "{item}이 계속 꺼져요.", "전원이 꺼져 있어요.", "화면이 꺼져 버렸어요.", "리뷰에 다 올릴 거예요.",
        "언론에 제보할게요.", "내일 지점에 직접 찾아갈게요.", "보상 안 해 주시면 가만히 있지 않겠습니다.",
        "기다리다 죽는 줄 알았어요.", "요금 때문에 죽겠어요.", "{days}째 기다리고 있어요.",
        "몇 번을 말씀드려야 돼요?", "이건 사기 아닌가요?", "제 시간 돌려주세요.",
        "{company} 다시는 안 씁니다.", "지난주에도 된다고 하셨잖아요.", "제대로 좀 해 주세요.",
        "답답해서 미치겠어요.", "말이 안 통하네요.", "왜 제 돈을 마음대로 빼 가세요?",
        "{amount}이나 빠져나갔어요 이게 뭐예요?", "상담원분 잘못은 아니지만 너무 화가 나요.",
        "소리 질러서 죄송해요 너무 답답해서요.", "정말 열받네요.", "더 이상 못 참겠어요.",
        "변호사랑 상의해 볼게요.", "카드사에 이의 신청할 거예요.", "이게 고객을 대하는 태도예요?",
        "녹음하고 있으니까 똑바로 말씀하세요.", "담당자 이름 알려 주세요 민원 넣게요.",
        "환불 안 해 주면 해지할 거예요.", "장난하세요 지금?", "이딴 식으로 일하세요?",
        "빌어먹을 {item} 또 안 되네요.", "{item} 때문에 일을 못 하고 있어요.", "진짜 너무하시네요.",
        "열 번도 넘게 전화했어요.", "화가 나서 잠도 못 잤어요.", "다 녹음했으니까 책임지세요.",
        "회사가 엉망이네요.", "앱이 쓰레기 같아요.", "정말 최악의 서비스예요.", "무슨 이런 경우가 다 있어요?",
        "제 말 듣고 계세요?", "끊지 마세요 또.", "이번 달 안에 안 되면 소송할 겁니다.",
        "본사에 직접 찾아가서 따지겠습니다.", "기가 막혀서 말이 안 나오네요.", "짜증 나 죽겠네요.",
        "저 바보 아니에요 다 알아요.",
        "제가 멍청한 줄 아세요?",
        "저를 바보 취급하지 마세요.",
        "앱이 쓰레기네요 자꾸 멈춰요.",
        "고소할 거예요 두고 보세요.",
        "법적으로 대응하겠습니다.",
        "경찰에 신고할 거예요 이건 사기예요.",
        "담당자 이름 알려 주세요 본사에 항의할게요.",
        "내일 매장에 찾아가서 따질 거예요.",
        "회사 찾아가서 직접 얘기할게요.",
        "진짜 죽겠네요 몇 번째예요.",
        "답답해 죽겠어요.",
        "화나 죽겠네.",
        "짜증 나서 미치겠어요.",
        "미친 거 아니에요? 이걸 왜 청구해요?",
        "정신 나간 정책이네요.",
        "장난해요 지금?",
        "이거 완전 사기네요.",
        "휴대폰이 죽었어요 업데이트하고 나서.",
        "참다 참다 전화했어요.",
        "제가 가만히 있을 줄 알아요?",
        "끝까지 책임 물을 거예요.",
        "이건 협박이에요 독촉 전화 그만하세요.",
        "울고 싶네요 진짜.",
        "화내서 죄송한데 너무 속상해요.",
        "다시는 이용 안 합니다 해지해 주세요.",
        "아 진짜 열받아 죽겠네요.",
        "아니 이게 말이 돼요?",
        "아니 도대체 몇 번을 말해야 알아들으세요?",
        "이건 정말 아니잖아요.",
        "제 돈 당장 돌려주세요.",
        "이렇게 일 처리하시면 안 되죠.",
        "너무 화가 나서 손이 떨려요.",
        "한 시간째 기다리고 있다고요.",
        "왜 이렇게 무책임하세요?",
        "이런 회사인 줄 몰랐네요.",
        "내일까지 해결 안 되면 본사에 항의할 거예요.",
        "정식으로 민원 접수해 주세요.",
        "사과 한마디 없으세요?",
        "어처구니가 없네요.",
        "똑같은 말 좀 그만 하세요.",
        "상담원분한테 화내는 건 아닌데요 너무 억울해서요.",
        "이거 완전 바가지네요.",
        "돈 받을 때만 빠르네요.",
        "다른 통신사로 옮길 거예요.",
        "인터넷에 후기 다 남길게요.",
        "제가 지금 장난하는 걸로 보이세요?",
        "미쳐 버리겠네요 진짜.",
        "기가 차네요 정말.",
        "제 시간은 누가 보상해 줘요?",
        "당신네 회사 정말 최악이에요.",
        "당장 처리해 주세요 지금요.",
    ],
    "ordinary": [
        "{item} 상태 좀 확인하고 싶어요.", "{item} 언제 도착하나요?", "{amount}이 청구됐는데 설명해 주세요.",
        "질병 신고는 어디서 하나요?", "신청 시 발급 수수료가 있나요?", "새끼손가락을 다쳐서 보험금 청구하려고요.",
        "강아지랑 개 같이 타도 되나요?", "시발역에서 출발하는 열차예요.", "사진 보내 드릴게요.",
        "여자친구 명의로 가입했는데요.", "목소리가 잘 안 들려요.", "쓰레기 수거 요청했는데 안 왔어요.",
        "주문 시 발송은 언제 되나요?", "모텔 예약을 취소하고 싶어요.", "남자친구가 대신 전화해도 되나요?",
        "칼국수집 옆 지점이요.", "가슴 통증 때문에 예약하려고요.", "엉덩이 주사 처방 받았어요.",
        "키스 기념일 이벤트 쿠폰이요.", "자기야 잠깐만, 아 네 죄송해요 남편이 옆에 있어서요.",
        "휴대폰 전원이 꺼져 있었어요.", "계좌 해지하려고요.", "주소 변경하고 싶어요.",
        "비밀번호를 잊어버렸어요.", "자동이체 날짜 바꿀 수 있나요?", "검침원이 언제 오세요?",
        "항공권 날짜 변경 가능한가요?", "처방전 재발급 받고 싶어요.", "렌터카 반납 시간을 늦추고 싶어요.",
        "네 감사합니다.", "네 알겠습니다 그렇게 해 주세요.", "보일러가 자꾸 꺼져요.",
        "가족 조회 서비스 신청하고 싶어요.", "칼라 프린터 배송이요.", "몸이 안 좋아서 병원 예약 바꾸려고요.",
        "죽 배달이 안 왔어요.", "바보 온달 전시 티켓이요.", "미친 듯이 바빠서 이제 전화드려요.",
        "알았어 그걸로 해 줘.",
        "응 맞아 그 주소야.",
        "그거 얼마야?",
        "내일 올 거야?",
        "됐어 그냥 그렇게 해.",
        "아 그래? 몰랐네.",
        "카드로 할게 일시불로.",
        "그럼 토요일로 바꿔 줘.",
        "나 그거 말고 큰 거 사려고.",
        "약 이름이 뭐였더라 감기약이야.",
        "운송장 번호는 {digits}이야.",
        "전화번호 {digits}이에요.",
        "주문번호 불러 드릴게요 {digits}요.",
        "회원번호는 {digits}입니다.",
        "응 알았어 고마워.",
        "그 정도면 괜찮아.",
        "우리 엄마 명의로 돼 있어.",
        "오늘 저녁에 집에 있어.",
        "제 번호로 문자 보내 주세요.",
        "상담원분 번호로 다시 걸면 되나요?",
        "담당자 연락처 알려 주세요.",
        "그냥 빨리 처리해 주세요.",
        "그냥 해지해 주세요.",
        "빨리 좀 해 주세요.",
    ],
}

SEEDS = {"en": EN, "ko": KO}
ABUSE = ["insult", "profanity", "threat", "sexual-harassment"]
VARIANTS = {"insult": 6, "profanity": 6, "threat": 7, "sexual-harassment": 7, "civil": 6,
            "ordinary": 4}
JOINED = {"abuse": 60, "civil": 60}  # per kind and language


def seed_hash(lang, kind, text):
    return zlib.crc32(f"{lang}|{kind}|{text}".encode("utf-8"))


def test_seeds(lang, kind, texts):
    k = max(1, round(len(texts) * TEST_SHARE))
    return set(sorted(range(len(texts)), key=lambda i: seed_hash(lang, kind, texts[i]))[:k])


def fill(template, lang, rng):
    slots = SLOTS[lang]
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(slots[m.group(1)]), template)


def render(template, lang, rng, style):
    text = fill(template, lang, rng)
    if style == "clean":
        return text
    return acts.asr(text, lang, rng, errors=rng.random() < 0.7)


def label(kind):
    return kind if kind in ABUSE else "none"


def group(kind):
    return "abuse" if kind in ABUSE else kind


def corpus_lines(path, lang, limit, rng, exclude):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                if d["lang"] == lang and len(d["text"]) <= 160:
                    out.append(d["text"])
    out = sorted(set(out) - exclude)
    rng.shuffle(out)
    return out[:limit]


def main():
    rng = random.Random(SEED)
    rows = []
    for lang in ("en", "ko"):
        seeds = SEEDS[lang]
        split_of = {}
        pools = {}
        for kind, texts in seeds.items():
            test = test_seeds(lang, kind, texts)
            pools[kind] = {"train": [], "test": []}
            for i, t in enumerate(texts):
                split = "test" if i in test else "train"
                split_of[(kind, i)] = split
                pools[kind][split].append(t)
        for kind, texts in seeds.items():
            for i, t in enumerate(texts):
                seen = set()
                for v in range(VARIANTS[kind] * 3):
                    if len(seen) >= VARIANTS[kind]:
                        break
                    style = "clean" if v % 2 == 0 else "asr"
                    text = render(t, lang, rng, style)
                    if text.lower() in seen:
                        continue
                    seen.add(text.lower())
                    rows.append({"text": text, "kind": label(kind), "group": group(kind),
                                 "lang": lang, "style": style,
                                 "template": f"{lang}-{kind}-{i:02d}", "split": split_of[(kind, i)]})
        # Abuse inside a longer utterance, and civil complaints joined to ordinary talk.
        for kind in ABUSE + ["civil"]:
            others = ["civil", "ordinary"] if kind in ABUSE else ["ordinary"]
            n = JOINED["abuse" if kind in ABUSE else "civil"]
            for k in range(n):
                split = "test" if rng.random() < TEST_SHARE else "train"
                main_text = fill(rng.choice(pools[kind][split]), lang, rng)
                other = fill(rng.choice(pools[rng.choice(others)][split]), lang, rng)
                text = f"{main_text} {other}" if k % 2 == 0 else f"{other} {main_text}"
                style = "clean" if k % 4 < 2 else "asr"
                if style == "asr":
                    text = acts.asr(text, lang, rng, errors=rng.random() < 0.7)
                rows.append({"text": text, "kind": label(kind), "group": group(kind), "lang": lang,
                             "style": style, "template": f"{lang}-joined-{kind}-{k:02d}",
                             "split": split})
        # Customer-service talk of the other corpora, half of it recognizer-style.
        written = {r["text"] for r in rows}
        lines = (corpus_lines(CLASSIFY_CORPUS, lang, 1200, rng, written)
                 + corpus_lines(ACT_CORPUS, lang, 1500, rng, written))
        for k, t in enumerate(lines):
            split = "test" if rng.random() < TEST_SHARE else "train"
            style = "clean" if k % 2 == 0 else "asr"
            text = t if style == "clean" else acts.asr(t, lang, rng, errors=rng.random() < 0.7)
            rows.append({"text": text, "kind": "none", "group": "ordinary", "lang": lang,
                         "style": style, "template": f"{lang}-other-corpus-{k:03d}", "split": split})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {}
    for r in rows:
        key = (r["lang"], r["kind"] if r["kind"] != "none" else r["group"])
        counts[key] = counts.get(key, 0) + 1
    print(f"wrote {len(rows)} examples to {os.path.relpath(OUT, REPO)}")
    for key in sorted(counts):
        print(f"  {key[0]} {key[1]}: {counts[key]}")


if __name__ == "__main__":
    main()
