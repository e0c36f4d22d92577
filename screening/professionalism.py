"""Professionalism: advice, credentials, other patients' details, abuse, advertising.

These are judged per sentence or per text, and always leave the decision to a
moderator (severity "review") unless the policy raises them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Document, Rule, words_of
from .findings import REVIEW
from .gates import needs, rarity_cost

__all__ = [
    "AbuseRule",
    "CredentialClaimRule",
    "MedicalAdviceRule",
    "PatientDisclosureRule",
    "PromotionRule",
]

# ---------------------------------------------------------------- medical advice

# Common drugs and supplements by name, and the stems that name drug classes.
_DRUGS = (
    r"metformin|insulin|statins?|atorvastatin|simvastatin|rosuvastatin|lisinopril|losartan"
    r"|amlodipine|metoprolol|atenolol|propranolol|carvedilol|warfarin|apixaban|rivaroxaban"
    r"|eliquis|xarelto|heparin|aspirin|ibuprofen|naproxen|acetaminophen|paracetamol|tylenol"
    r"|advil|aleve|motrin|prednisone|prednisolone|methotrexate|levothyroxine|synthroid"
    r"|sertraline|zoloft|fluoxetine|prozac|escitalopram|lexapro|citalopram|bupropion"
    r"|wellbutrin|venlafaxine|duloxetine|trazodone|mirtazapine|lithium|quetiapine|olanzapine"
    r"|risperidone|aripiprazole|clozapine|lamotrigine|gabapentin|pregabalin|lyrica"
    r"|oxycodone|hydrocodone|morphine|fentanyl|tramadol|codeine|buprenorphine|suboxone"
    r"|methadone|naloxone|benzodiazepines?|xanax|alprazolam|lorazepam|ativan|clonazepam"
    r"|klonopin|diazepam|valium|zolpidem|ambien|melatonin|diphenhydramine|benadryl"
    r"|antihistamines?|omeprazole|pantoprazole|ranitidine|famotidine|furosemide|lasix"
    r"|hydrochlorothiazide|spironolactone|digoxin|amiodarone|nitroglycerin|clopidogrel"
    r"|semaglutide|ozempic|wegovy|tirzepatide|mounjaro|glipizide|jardiance|antibiotics?"
    r"|amoxicillin|azithromycin|doxycycline|ciprofloxacin|steroids?|antidepressants?"
    r"|beta[- ]?blockers?|blood thinners?|chemo(?:therapy)?|radiation|immunotherapy|biologics?"
    r"|vitamin\s+[a-z]\d*|vitamins|supplements?|berberine|coq10|red\s+yeast\s+rice|turmeric"
    r"|fish\s+oil|magnesium|zinc|iron\s+pills|cbd|thc|kratom|ivermectin|hydroxychloroquine"
    r"|apricot\s+kernels?|colloidal\s+silver|essential\s+oils?|herbs?|inhalers?|nebuli[sz]er"
    r"|epipen|puffers?|patch(?:es)?|muscle\s+relax\w+|relaxants?|pain\s*killers?|sleeping\s+pills"
    r"|antacids?|laxatives?|hormones?|hrt|birth\s+control|epidurals?|nitrous|an(?:a)?esthesia"
    r"|vaccines?|vaccinations?|flu\s+shots?|boosters?|pitocin|induction|c-sections?"
    r"|stool\s+softeners?|softeners?|miralax|senna|z-?packs?|cough\s+syrups?|cough\s+medicines?"
    r"|phosphate\s+binders?|binders?|rescue\s+inhalers?"
    r"|[a-z]+(?:statin|olol|pril|sartan|azepam|zolam|oxetine|"
    r"triptyline|prazole|tidine|cillin|mycin|cycline|floxacin|mab|nib|gliptin|gliflozin|glutide"
    r"|semide|thiazide|codone|morphone|benzaprine|dipine|azole|cyclovir|dronate|lukast|tadine"
    r"|afil|xaban|parin|olone|asone|pramine|zodone|tidine|setron|triptan)"
)
_MED_OBJECT = re.compile(
    rf"\b(?:{_DRUGS}|meds|medications?|medicines?|pills|tablets|capsules|gummies|doses?|dosage"
    r"|prescriptions?|injections?|shots|drugs|treatments?|protocol|regimen|cleanse|detox)\b"
    r"|\b\d[\d,.]*\s*(?:mg|mcg|µg|g|ml|iu|units?|milligrams?|micrograms?|puffs?|tablespoons?"
    r"|teaspoons?|drops?|tablets?|pills?|capsules?)\b",
)
# Words one of which any _MED_OBJECT match holds, for a cheap first pass.
_MED_WORDS = words_of(_DRUGS.split("|[a-z]+(?:statin")[0]) | frozenset(
    "meds medication medications medicine medicines pills pill tablets capsules gummies dose "
    "doses dosage prescription prescriptions injection injections shots drugs treatment "
    "treatments protocol regimen cleanse detox mg mcg g ml iu unit units milligrams milligram "
    "micrograms puff puffs tablespoons tablespoon teaspoons teaspoon drops tablet capsule "
    "vitamin relaxers relaxer relaxants relaxant painkillers painkiller antacids laxatives "
    "hormone hormones hrt birth epidural epidurals nitrous anesthesia anaesthesia vaccine "
    "vaccines vaccination vaccinations flu booster boosters pitocin induction section".split()
)
_MED_SUFFIXES = (
    "statin", "statins", "olol", "pril", "sartan", "azepam", "zolam", "oxetine", "triptyline",
    "prazole", "tidine", "cillin", "mycin", "cycline", "floxacin", "mab", "nib", "gliptin",
    "gliflozin", "glutide", "semide", "thiazide", "codone", "morphone", "benzaprine", "dipine",
    "azole", "cyclovir", "dronate", "lukast", "tadine", "afil", "xaban", "parin", "olone",
    "asone", "pramine", "zodone", "setron", "triptan",
)  # fmt: skip
_TREAT_VERBS = (
    r"take|stop|quit|skip|ditch|double(?:\s+up)?|cut|halve|start|try|switch|swap|replace|use"
    r"|increase|decrease|lower|raise|up|taper|wean|drop|add|avoid|fill|refuse|flush|toss|throw\s+out"
    r"|get\s+off|come\s+off|go\s+off|split|crush|mix|combine|reduce|bump|keep\s+taking|forget"
    r"|give\s+up|ignore|skip|treat|put|load\s+up|say\s+no(?:\s+to)?|decline|insist\s+on|demand"
    r"|give|keep\s+using|keep\s+giving|stop\s+giving|alternate|bother\s+with"
    r"|push\s+for|ask\s+for|ask\s+them\s+for|request|hold\s+off\s+on|pass\s+on"
)
# A clause that tells the reader to do something to their treatment.
_DIRECTIVE = re.compile(
    rf"(?:^|[:;,]\s+|\b(?:and|then|so|but|or|just|instead)\s+)"
    rf"(?:just\s+|simply\s+|then\s+|also\s+|please\s+|seriously\s+|honestly\s+|definitely\s+|always\s+)?"
    rf"(?:(?:don['’]?t|do\s+not|never)\s+)?(?:{_TREAT_VERBS})\b"
    rf"|\byou\s+(?:should|can|could|must|need\s+to|ought\s+to|have\s+to|may\s+want\s+to|might\s+want\s+to"
    rf"|shouldn['’]?t|don['’]?t\s+need\s+to|do\s+not\s+need\s+to|won['’]?t\s+need)\s+(?:just\s+|also\s+)?"
    rf"(?:{_TREAT_VERBS})\b"
    r"|\byou\s+(?:don['’]?t|do\s+not)\s+need\s+(?:the\s+|your\s+|any\s+)?\w+"
    r"|\b(?:i\s+(?:would|'d)\s+)?(?:recommend|suggest|advise)\s+(?:that\s+)?(?:you|everyone|anyone)\b"
    r"|\bmy\s+advice\b|\bhere['’]?s\s+what\s+(?:you|to)\b|\bdo\s+yourself\s+a\s+favou?r\b"
    rf"|\b(?:everyone|anyone|everybody|people|you\s+all|y['’]all|folks|ladies|guys)\b[^.!?]{{0,40}}"
    rf"\b(?:should|must|need\s+to|ought\s+to|has\s+to|have\s+to)\s+(?:just\s+|really\s+)?(?:{_TREAT_VERBS})\b"
    r"|\bdon['’]?t\s+let\s+(?:them|your\s+doctors?|anyone|doctors|the\s+doctors)\s+(?:put\s+you\s+on"
    r"|give\s+you|talk\s+you\s+into|push)"
    r"|\bare\s+poison\b|\bis\s+poison\b"
    r"|\bno\s+matter\s+what\s+(?:the|your)\s+(?:[\w-]+\s+)?(?:doctors?|pediatrician|oncologist|pharmacist"
    r"|nurses?|guidelines?|label|gp|[a-z]+ologist)\s+(?:says?|tells?\s+you)\b"
    r"|\bsend\s+you\s+home\s+without\b|\bneed\s+alternating\b",
)
_NOT_ADVICE = re.compile(
    r"\bas\s+(?:prescribed|directed)\b|\b(?:ask|talk\s+to|check\s+with|call)\s+(?:your|a)\s+"
    r"(?:doctor|pharmacist|provider|nurse|care\s+team|gp|clinician)",
)
_PRONOUN_OBJECT = re.compile(
    rf"\b(?:{_TREAT_VERBS})\s+(?:taking\s+|using\s+|on\s+)?(?:them|it|those|these|that)\b"
)
_REPORTED = re.compile(r"^\s*(?:i|we|he|she|they|my|our|his|her|their|it)\b")


def _clauses(sentence: str) -> Iterator[str]:
    yield from re.split(r"(?<=[:;])\s+|\s+(?=\b(?:and|then|but|so)\s+)", sentence)


class MedicalAdviceRule(Rule):
    id = "medical_advice.directive"
    category = "medical_advice"
    severity = REVIEW
    message = "Tells readers which treatment, dose or medication to take, stop or change."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.lower
        spans = doc.sentences_with_words(_MED_WORDS, _MED_SUFFIXES)
        with_drug = set(spans)
        # "Muscle relaxers mask the problem. Stop taking them.": the next
        # sentence may name the drug only as "it" or "them".
        for start, _end in list(spans):
            after = doc.sentence_at(doc.end_of_sentences(start, 1) - 1)
            if after[0] < after[1] and after not in with_drug:
                if _PRONOUN_OBJECT.search(text, *after):
                    spans.append(after)
        for start, end in sorted(set(spans)):
            sentence = text[start:end]
            if "?" in sentence[-2:]:
                continue
            if (start, end) in with_drug and not _MED_OBJECT.search(sentence):
                continue
            if _NOT_ADVICE.search(sentence):
                continue
            if _is_advice(sentence):
                yield start, end


def _is_advice(sentence: str) -> bool:
    narrative = bool(_REPORTED.match(sentence))
    for clause in _clauses(sentence):
        if not _MED_OBJECT.search(clause) and not re.search(r"\b(?:it|them)\b", clause, re.I):
            continue
        directive = _DIRECTIVE.search(clause)
        if not directive:
            continue
        if directive.start() == 0 and _REPORTED.match(clause):
            continue
        # "He ... and cut my medication in half" continues a report.
        if narrative and re.match(r"(?:and|then|so|but|or)\b", directive.group(), re.I):
            continue
        if re.search(r"\bmy\b", clause, re.I) and not re.search(r"\byou|\byour", clause, re.I):
            continue
        # "I take my pills at 8" reports; "take your pills" directs.
        if _REPORTED.match(clause) and not re.search(
            r"\byou\b|\byour\b|\bmy\s+advice\b", clause, re.I
        ):
            continue
        return True
    return False


# ------------------------------------------------------------- credential claims

_CLINICAL_TITLE = (
    r"nurse|rn|lpn|lvn|np|nurse\s+practitioner|physician|doctor|md|surgeon|resident|intern"
    r"|attending|hospitalist|intensivist|pharmacist|pharmd|therapist|paramedic|emt|midwife"
    r"|dietitian|dietician|nutritionist|psychologist|psychiatrist|counsel+or|dentist"
    r"|[a-z]+ologist|[a-z]+iatrist|anesthetist|anaesthetist|radiographer|sonographer"
    r"|phlebotomist|cna|nursing\s+assistant|physician\s+assistant|pa-c|chiropractor|optometrist"
    r"|podiatrist|clinician|practitioner|medic|gp|obstetrician|pediatrician|paediatrician"
    r"|internist|fellow|chief\s+resident|crna|doula|social\s+worker|lcsw|doc|corpsman"
    r"|(?:surgical|er|ed|ekg|x-ray|radiology|lab|pharmacy|patient\s+care|ultrasound|mri|ct|dialysis"
    r"|ob|or|icu|scrub|cath\s+lab|respiratory|phlebotomy|sterile\s+processing|monitor|psych|mental\s+health"
    r"|anesthesia|emergency\s+(?:room|department)|surgery|pharmacy)\s+tech(?:nician)?"
)
_CLAIM_WORDS = frozenset(
    "nurse nurses rn lpn lvn np practitioner physician doctor md surgeon resident intern "
    "attending hospitalist intensivist pharmacist pharmd therapist paramedic emt midwife "
    "dietitian dietician nutritionist psychologist psychiatrist counselor counsellor dentist "
    "anesthetist anaesthetist radiographer sonographer phlebotomist cna assistant c "
    "chiropractor optometrist podiatrist clinician medic gp obstetrician pediatrician "
    "paediatrician internist fellow crna doula worker lcsw board dr doc tech technician years "
    "corpsman "
    "former retired someone license licence certification credentials boards nclex".split()
)
_CLAIM_SUFFIXES = ("ologist", "iatrist", "ologists", "iatrists")
_CLAIM = re.compile(
    rf"\b(?:i['’]m|i\s+am|i['’]ve\s+been|i\s+have\s+been|i\s+was|i\s+work(?:ed)?\s+as|as|i\s+became"
    rf"|i\s+trained\s+as|i\s+retired\s+as|speaking\s+as)\s+(?:a|an|the)\s+(?:[\w&/-]+[,]?\s+){{0,4}}?"
    rf"(?:{_CLINICAL_TITLE})s?\b"
    rf"|(?:^|[.!?]\s+|\n)\s*(?:[\w-]+\s+){{0,3}}?(?:{_CLINICAL_TITLE})"
    r"\s+(?:(?:on|in|at|from|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?here\b"
    rf"|\bi\s+(?:was|am|['’]m)\s+one\s+of\s+(?:his|her|their|the|your)\s+(?:[\w-]+\s+)?(?:{_CLINICAL_TITLE})s\b"
    r"|\bi['’]m\s+dr\.?\s+[a-z]|\bboard[- ]certified\b",
)
# What every match of _CLAIM holds (gates.needs): "am", "was", "here"... A sentence
# with a title word but none of these cannot match.
_CLAIM_NEED = needs([_CLAIM.pattern], cost=rarity_cost)
# Claims told as a career: "Fifteen years as a surgical tech", "Paramedic for 20
# years,", "Former army medic, now...", "my license as a PA", "I passed my boards".
_CLAIM_CAREER = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*(?:[\w-]+\s+){{0,2}}?years\s+(?:as|of\s+being)\s+(?:a|an)\s+(?:[\w&/-]+\s+){{0,3}}?"
    rf"(?:{_CLINICAL_TITLE})\b"
    rf"|(?:^|[.!?]\s+|\n)\s*(?:former\s+|retired\s+|ex-)?(?:[\w&/-]+\s+){{0,2}}?(?:{_CLINICAL_TITLE})\s+"
    r"(?:for|of)\s+(?:\d+|[a-z]+)\s+years\b"
    rf"|(?:^|[.!?]\s+|\n)\s*(?:(?:former|retired)\s+|ex-)(?:[\w&/-]+\s+){{0,2}}?(?:{_CLINICAL_TITLE})\b"
    r"|\bas\s+someone\s+with\s+(?:an?\s+)?(?:md|rn|np|pa|emt|bsn|msn|pharmd|do|nursing\s+degree"
    r"|medical\s+degree|nursing\s+license)\b"
    r"|\bmy\s+(?:[\w-]+\s+)?(?:license|licence|certification|credentials?)\s+as\s+(?:a|an)\s+"
    r"|\bi['’]?(?:ve|\s+have)?\s+(?:held|had|kept|got|earned)\s+my\s+(?:emt|rn|nursing|medical|pharmacy|paramedic"
    r"|cna|lpn|np|pa|respiratory|phlebotomy)\s+(?:license|licence|certification|credentials?)\b"
    r"|\bi\s+passed\s+my\s+(?:nursing\s+|medical\s+)?(?:boards|nclex|board\s+exams?)\b",
)
_CAREER_WORDS = frozenset(
    "years former retired ex someone license licence certification credentials credential "
    "passed".split()
)
_CREDENTIAL_LETTERS = re.compile(
    r"(?:^|[(,]\s*|\n)(?:RN|BSN|MSN|DNP|FNP|APRN|LPN|LVN|CNA|CRNA|CNM|MD|DPT|RRT|PharmD|RPh|PA-C"
    r"|EMT|EMT-P|LCSW|OTR|CCRN|FACP|FACS|MBBS|MRCP|NP)(?:\s*,\s*[A-Z][\w-]*)*\s*(?=[),]|$|\s)"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i['’]m|i['’]ve|me|my|mine)\b")
# "My mother spent thirty years as a nurse": someone else's career.
_OTHER_PERSON_BEFORE = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?(?:mother|mom|mum|father|dad|wife|husband|son"
    r"|daughter|sister|brother|aunt|uncle|friend|grand\w+|cousin|partner)\b[^.!?]*$|\b(?:he|she|they)\b[^.!?]*$"
)


class CredentialClaimRule(Rule):
    id = "credential_claim.title"
    category = "credential_claim"
    severity = REVIEW
    message = "The author claims a clinical credential or title; check before it is relied on."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.lower
        for match in doc.scan(_CLAIM_WORDS, _CLAIM, _CLAIM_SUFFIXES, need=_CLAIM_NEED):
            if "not" in text[max(0, match.start() - 6) : match.start()]:
                continue
            if re.search(r"\bnot\s+(?:a|an)\b", match.group()):
                continue
            if match.group().startswith("as "):
                s_start = doc.sentence_at(match.start())[0]
                if _OTHER_PERSON_BEFORE.search(text, s_start, match.start()):
                    continue  # "My mother spent thirty years as a nurse"
            yield match.span()
        for start, end in doc.sentences_with_words(_CAREER_WORDS):
            # Read each sentence on its own, so that "^" is its start.
            for match in _CLAIM_CAREER.finditer(text[start:end]):
                begin = start + match.start()
                if not _OTHER_PERSON_BEFORE.search(text, max(0, begin - 30), begin):
                    yield begin, start + match.end()
        for match in _CREDENTIAL_LETTERS.finditer(doc.text):
            start, end = doc.sentence_at(match.start())
            if _FIRST_PERSON.search(text, start, end):
                yield match.span()


# ------------------------------------------------------------ patient disclosure

_CLINICAL = re.compile(
    r"\b(?:diagnos\w+|admitted|leukemia|lymphoma|cancer|tumou?r|mass|metasta\w+|pneumonia|sepsis"
    r"|septic|fracture[sd]?|stroke|heart\s+attack|seizures?|relapsed?|chemo\w*|biopsy|ct|mri"
    r"|x-ray|transfusions?|hemoglobin|haemoglobin|lactate|white\s+count|counts|platelets"
    r"|intubated|coded|dialysis|surgery|delirious|dementia|overdos\w+|hiv|diabetes|diabetic"
    r"|blood\s+pressure|heart\s+rate|oxygen|sats|spleen|femur|gcs|icu|trauma|infection"
    r"|hospice|palliative|dnr|vent(?:ilator)?|bleed(?:ing)?|hemorrhage|cardiac|arrest"
    r"|died|passed\s+away|labs?|glucose|a1c|kidney|liver|renal|failure|withdrawal|psychosis"
    r"|schizophreni\w+|bipolar|suicidal|isolation|prognosis|terminal|stage\s+(?:[1-4]|i{1,3}v?)"
    r"|fertility|port|iv|pain\s+meds|morphine|norepinephrine|pressors|antibiotics|bypass|stent"
    r"|transplant|amputation|mastectomy|pacemaker|spread|liver\s+disease|end-stage|cirrhosis|copd"
    r"|hiv|aids|hepatitis|miscarriage|stillborn|psychiatric|psych\s+ward|detox|rehab|wound|ulcer"
    r"|catheter|feeding\s+tube|intubat\w+|code\s+blue|cpr|resuscitat\w+|ventilat\w+|coma"
    r"|pregnan\w+|weeks\s+pregnant|pre-?eclampsia|eclampsia|c-section|ca?esarean|delivered|labou?r"
    r"|broken|pelvis|hip|infected|wound\s+vac|hardware|burns?|concussion|asthma|heart\s+failure"
    r"|gunshot|stab\s+wound|amputat\w+|fractur\w+|pneumothorax|embolism|clot|blood\s+clot|anemi\w+"
    r"|shock|trach\w*|chest\s+tube|blood\s+sugar|dka|ketoacidosis|ulcerative|colitis|crohn['’]?s"
    r"|hemorrhag\w+|aneurysm|meningitis|paralyz\w+|paralys\w+|potassium|sodium|creatinine|troponin"
    r"|ammonia|bilirubin|inr|white\s+count|cbc|sats?|pressure|liters|units\s+of\s+blood|narcan|naloxone"
    r"|insulin|fentanyl|heroin|stents?|lupus|cystic\s+fibrosis|multiple\s+sclerosis|als|colostomy|ostomy"
    r"|ct|eeg|ekg|ecg|ultrasound|heartbeat|fetal|hysterectomy|morphine|oxygen|copd|a1c|rsv|bagged?"
    r"|brain\s+bleed|drooping|hip\s+fracture|pulmonary|chemo|leukemia|tumou?rs?|seizure|swollen|overdosed?"
    r"|vomiting|puking|hemophilia|factor|dka|cancer|diabetes|kidneys?|stroke|fractured?|spleen|infusions?"
    r"|blood\s+(?:sugar|thinners|count)|heart\s+attack|transplant|leg|legs|amputated|bleed|biopsy|weeks\s+pregnant)\b",
)
_FAMILY_BEFORE = re.compile(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:husband|wife|son|daughter|mother|mom|mum|father|dad"
    r"|brother|sister|grand\w+|aunt|uncle|cousin|nephew|niece|partner|child|baby|kid|twin"
    r"|boyfriend|girlfriend|fianc\w+|stepson|stepdaughter)\b[^.!?]{0,20}$",
)
_STAFF_NEAR = re.compile(
    r"\b(?:dr\.?|doctor|nurse|surgeon|caseworker|therapist|manager|officer|pharmacist|aide"
    r"|attending|resident|navigator|interpreter|chaplain|social\s+worker|cardiologist"
    r"|oncologist|neurologist|physician|coworker|colleague)\b",
)
# Ways a story points at one other patient, each with a cheap test of whether
# the text could hold it at all.
_SUBJECT_PATTERNS = (
    (("Mr", "Ms", "Miss"), re.compile(r"(?=M)\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w'’-]+")),
    (
        (" named ",),
        re.compile(
            r"(?=[AaOoTt])\b(?:[Aa]|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:patient|man|woman|boy|girl|gentleman|lady|teen(?:ager)?|kid|child|baby|veteran"
            r"|mother|father|farmworker|worker|student|grandmother|grandfather)\s+named\s+[A-Z][\w'’-]+"
        ),
    ),
    (
        re.compile(r",\s+(?:a\s+)?\d{1,3}(?:[- ]year[- ]old)?,"),
        re.compile(
            r"(?=[A-Z])\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+(?:a\s+)?\d{1,3}"
            r"(?:[- ]year[- ]old)?,"
        ),
    ),
    (
        re.compile(r"in\s+(?:the\s+(?:other|next)\s+|(?:bed|room|bay)\s+\d)"),
        re.compile(
            r"(?=[Tt])\b(?i:the)\s+(?:boy|girl|man|woman|patient|lady|gentleman|kid|child|baby"
            r"|teen|guy)\s+in\s+(?:the\s+(?:other|next)\s+(?:bed|room|bay|crib|bassinet|cot)"
            r"|(?:bed|room|bay)\s+\d+)"
        ),
    ),
    (("y patient",), re.compile(r"(?=[Mm])\b[Mm]y\s+(?:\w+\s+)?patient\b(?!s)")),
    (
        re.compile(
            r"\b(?:came|was\s+(?:brought|rushed|wheeled|transferred|admitted)|rolled|arrived|presented)\b"
        ),
        re.compile(
            r"(?=[AaOoTt])\b(?:[Aa]n?|[Oo]ne|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}?(?:patient|man|woman|boy|girl"
            r"|gentleman|lady|teen(?:ager)?|kid|child|baby|veteran|mother|father|mom|dad|grandmother"
            r"|grandfather|grandma|grandpa|toddler|infant|newborn|guy)\s+(?:came|was\s+(?:brought|rushed"
            r"|wheeled|transferred|admitted)|rolled|arrived|presented|showed\s+up)\b"
        ),
    ),
    (
        re.compile(r"patient\s+(?:of\s+mine\s+)?(?:who|with|in\s+room|in\s+bed)"),
        re.compile(
            r"(?=[MmAaOoTt])\b(?i:my|a|one|this|that|the)\s+(?:\w+\s+)?patient\s+"
            r"(?:of\s+mine\s+)?(?:who|with|in\s+room|in\s+bed)"
        ),
    ),
)
# The last two gates pass in most stories ("we came home", "be patient with
# yourself"): those patterns are read only in the stretches without punctuation
# that hold a word every match holds (gates.needs). They consume nothing else,
# so no match is lost.
_SUBJECT_NEEDS = tuple(
    needs([pattern.pattern], cost=rarity_cost) if index >= 5 else None
    for index, (_gate, pattern) in enumerate(_SUBJECT_PATTERNS)
)
# One other person, as staff write of them: "a guy in his forties", "the lady I
# took down to CT", "one of my regulars", "a 19-year-old in room 3", "the
# gentleman in 508". Read only when the author works in care, and only with a
# clinical detail close by.
_PERSON_NOUNS = (
    r"patient|man|woman|guy|gentleman|lady|boy|girl|kid|child|baby|teen|teenager|toddler|infant"
    r"|newborn|veteran|vet|client|regular|mother|father|mom|dad|grandmother|grandfather|grandma"
    r"|grandpa|student|teacher|driver|motorcyclist|cyclist|worker|farmer|soldier|mechanic|trucker"
    r"|fellow|gal|dude|chap|youngster|twin|preemie|\d{1,3}[- ]year[- ]old"
)
_STAFF_SUBJECT = re.compile(
    rf"\b(?:a|an|the|one|this|that|another|our|their)\s+(?:(?!(?:a|an|the|this|that)\s)[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_PERSON_NOUNS})\b"
    r"(?!\s+(?:nurses?|doctors?|staff|team|unit|floor|ward|tech|aide|therapist|who\s+works|aspirin"
    r"|monitor|shower|steps|wipes|food|formula|clothes|blues|boomers?|gloves|proof|sitter|talk|face|shift"
    r"|scale|book|bottle|bottles|seat|gate|carrier|doll))"
    r"|\bone\s+of\s+(?:my|our)\s+(?:regulars|patients|clients|residents|kids|babies|moms)\b"
    r"|\b(?:in|back\s+in)\s+(?:bed|room|bay|chair)\s+\d+\b|\bthe\s+\w+\s+in\s+\d{2,4}\b"
)
# "Kenji, who's been on our floor since August": one named person.
_NAMED_WHO = re.compile(r"(?=[A-Z])\b[A-Z][a-z]+,\s+who(?:['’]s|\s+has|\s+had|\s+is|\s+was)\b")
# Staff nouns that are not the patient: "the nurse", "a resident".
_STAFF_NOUNS = re.compile(
    r"\b(?:nurses?|doctors?|surgeons?|residents?|attendings?|techs?|aides?|therapists?|chaplains?"
    r"|interpreters?|physicians?|pharmacists?|paramedics?|medics?|staff|coworkers?|colleagues?)\b"
)
# A specific time or place that makes a generic "a patient" one person.
_SPECIFIC = re.compile(
    r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|week|spring|summer|fall|winter|month)"
    r"|last\s+(?:night|week|month|shift|spring|summer|fall|winter|year)|on\s+(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+night)?|(?:bed|room|bay)\s+\d+|\d{1,3}[- ]year[- ]old"
    r"|in\s+(?:his|her)\s+(?:\w+ies|\d0s)"
    r"|every\s+(?:morning|week|thursday|monday|tuesday|wednesday|friday|saturday|sunday))\b"
)
# A reader's neighbour, coworker or boss: not family, so their diagnosis is theirs.
_ACQUAINTANCE = re.compile(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:coworker|co-worker|colleague|neighbou?r|boss|roommate"
    r"|classmate|landlord|supervisor|manager|teacher|client)\b|\bthe\s+(?:lady|man|woman|guy|gentleman"
    r"|couple|kid)\s+(?:next\s+door|across\s+the\s+(?:street|hall)|upstairs|downstairs)\b"
)
# Anyone, not someone: "when a patient comes off the vent", "the day a patient".
_GENERIC_BEFORE = re.compile(
    r"\b(?:when|whenever|if|once|until|unless|every\s+time|each\s+time|the\s+(?:day|moment|minute|time)"
    r"|as\s+soon\s+as|because|how|what|whether)\s+$"
)
_ACQUAINTANCE_WORDS = frozenset(
    "coworker co worker colleague neighbor neighbour boss roommate classmate landlord supervisor "
    "manager teacher client door street hall upstairs downstairs".split()
)
# The author, not someone else: "I'm the guy in bed 4".
_SELF_BEFORE = re.compile(r"\b(?:i['’]m|i\s+am|i\s+was|me,?)\s+['‘\"“]?$")
_SELF_IN_SENTENCE = re.compile(r"\b(?:i['’]m|i\s+am)\s+(?:the|a)\b")

# "Farida Haddad came in on a Saturday night": a named arrival, read only when
# the author works in care.
_NAMED_ARRIVAL = re.compile(
    r"(?=[A-Z])\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:came\s+(?:in|into|to\s+us|through)|was\s+(?:brought"
    r"|rushed|wheeled|transferred)\s+in|arrived|presented|was\s+admitted)\b"
)
_STAFF_AUTHOR = re.compile(
    r"\b(?:i\s+work(?:ed)?\s+(?:nights\s+|days\s+|weekends\s+|nights\s+and\s+weekends\s+)?(?:in|on|at|as)|my\s+shift|our\s+(?:unit|floor|ward|department|team|icu|ed|er)"
    r"|i['’]m\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:nurse|doctor|physician|therapist|tech|aide|paramedic|resident)"
    r"|i['’]ve\s+been\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:nurse|doctor|physician|therapist|tech|aide|paramedic))",
)
# "Sam, who lives next door, was just diagnosed": found from the verb back.
_DIAGNOSED_BEFORE = re.compile(r"\b(?:was|is|has\s+been|got)\s+(?:just\s+|recently\s+)?$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_NOT_SUBJECT = frozenset(
    "I We He She They It My Our His Her Their This That The A An And But So Then When After "
    "Before Mom Dad Mum Everyone Nobody Someone Anyone Everybody".split()
)


class PatientDisclosureRule(Rule):
    id = "patient_disclosure.other_patient"
    category = "patient_disclosure"
    severity = REVIEW
    message = "Describes another patient's clinical details; they have not agreed to this."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        text = doc.text
        matches = [
            match
            for (gate, pattern), need in zip(_SUBJECT_PATTERNS, _SUBJECT_NEEDS, strict=True)
            if (gate.search(text) if isinstance(gate, re.Pattern) else any(g in text for g in gate))
            for start, end in (doc.unpunctuated(need) if need else [(0, len(text))])
            for match in pattern.finditer(text, start, end)
        ]
        for verb in ("diagnosed", "admitted", "intubated", "hospitalized", "hospitalised"):
            if verb not in doc.word_set:
                continue
            for position in doc.word_positions(verb):
                lo = max(doc.sentence_at(position)[0], position - 90)
                if _DIAGNOSED_BEFORE.search(doc.lower, lo, position):
                    matches.extend(_CAPITALISED.finditer(text, lo, position))
        staff = doc.role == "employee" or bool(_STAFF_AUTHOR.search(doc.lower))
        if staff:
            matches.extend(_NAMED_ARRIVAL.finditer(text))
        found = False
        for match in sorted(matches, key=lambda m: m.start()):
            if self._discloses(doc, match, staff):
                found = True
                yield match.span()
        if found:
            return
        # Wider nets, each needing more clinical detail: staff writing of "a guy in
        # his forties" or "the lady I took down to CT", a reader's coworker or neighbour.
        lower = doc.lower
        extra = []
        if staff:
            extra.extend(
                m for m in _STAFF_SUBJECT.finditer(lower) if not _STAFF_NOUNS.search(m.group())
            )
            extra.extend((m, 1) for m in _NAMED_WHO.finditer(text))
        if not _ACQUAINTANCE_WORDS.isdisjoint(doc.word_set):
            extra.extend((m, 2) for m in _ACQUAINTANCE.finditer(lower))
        for item in extra:
            match, needed = item if isinstance(item, tuple) else (item, None)
            s_start, s_end = doc.sentence_at(match.start())
            if _SELF_BEFORE.search(lower, max(0, match.start() - 12), match.start()):
                continue
            if _SELF_IN_SENTENCE.search(lower, s_start, match.start()):
                continue
            if _GENERIC_BEFORE.search(lower, max(0, match.start() - 25), match.start()):
                continue
            if _FAMILY_BEFORE.search(lower, max(0, match.start() - 60), match.start()):
                continue
            window_end = doc.end_of_sentences(match.start(), 2)
            hits = {m.group() for m in _CLINICAL.finditer(lower, s_start, window_end)}
            if needed is None:
                needed = 1 if _SPECIFIC.search(lower, s_start, window_end) else 2
            if len(hits) >= needed:
                yield match.span()
                return

    def _discloses(self, doc, match, staff) -> bool:
        """Whether a pointed-at person has clinical details close by."""
        # A carer describing someone in their care needs only one clinical detail.
        needed = 1 if staff else 2
        subject = match.group()
        if (
            subject.split()[0] in _NOT_SUBJECT
            and not subject.startswith(("A ", "The "))
            and "patient" not in subject
        ):
            return False
        lower = doc.lower
        before = lower[max(0, match.start() - 60) : match.start()]
        if _FAMILY_BEFORE.search(before) or _SELF_BEFORE.search(before[-12:]):
            return False
        s_start, s_end = doc.sentence_at(match.start())
        if _STAFF_NEAR.search(lower[max(s_start, match.start() - 30) : match.start()]):
            return False
        # The clinical details sit in this sentence or the next two.
        window_end = doc.end_of_sentences(match.start(), 2)
        hits = {m.group() for m in _CLINICAL.finditer(lower, s_start, window_end)}
        return len(hits) >= needed


# ------------------------------------------------------------------------ abuse

_INSULT_NOUNS = (
    r"idiots?|morons?|imbeciles?|bitch(?:es)?|assholes?|arseholes?|bastards?|scum(?:bags?)?"
    r"|dickheads?|jerks?|losers?|cunts?|twats?|dumbass(?:es)?|jackass(?:es)?|douche\w*|pricks?"
    r"|clowns?|frauds?|quacks?|hacks?|butchers?|monsters?|liars?|pigs?|trash|garbage|freaks?"
    r"|piece\s+of\s+(?:shit|crap|trash|garbage|work)|waste\s+of\s+(?:space|oxygen|skin)|suit"
    r"|creeps?|crooks?|ghouls?|vultures?|parasites?|sadists?|lowlifes?|psychos?|degenerates?|thugs?"
    r"|leeches|vermin|cowards?|bull(?:y|ies)|hypocrites?|sleazebags?|dirtbags?|scoundrels?"
    r"|animals|savages|drama\s+queens?|attention[- ](?:seekers?|whores?)|crybab(?:y|ies)"
    r"|snowflakes?"
)
# Nouns that are an insult wherever they point at someone: "that arrogant bastard".
_STRONG_INSULTS = (
    r"idiots?|morons?|imbeciles?|bastards?|assholes?|arseholes?|scumbags?|dickheads?|cunts?|twats?"
    r"|dumbass(?:es)?|jackass(?:es)?|douche(?:bag)?s?|creeps?|crooks|ghouls?|vultures|parasites"
    r"|sadists?|lowlifes?|psychos?|degenerates|thugs|leeches|vermin|sleazebags?|dirtbags?|liars"
    r"|scoundrels?|hypocrites|cowards|drama\s+queens?|attention[- ]seekers?|crybab(?:y|ies)"
    r"|animals(?!\s+(?:lovers?|shelters?|in\b))|savages"
)
# People a curse can be aimed at: "fucking doctors".
_PEOPLE = (
    r"doctors?|docs?|nurses?|people|staff|admins?|administrators?|receptionists?|surgeons?|managers?"
    r"|bureaucrats?|suits|executives?|pharmacists?|techs?|orderlies|aides?|residents?|idiots?|morons?"
    r"|liars?|crooks|clowns|thieves|billing\s+(?:people|department|office)|insurance\s+(?:people|company)"
)
# Violence, or its consequences, after "if he ever ... again,".
_HARM = (
    r"ambulance|hospital\s+bed|body\s+bag|regret|be\s+sorry|pay\s+for|hurt|kill|beat|break|punch|smash"
    r"|strangle|stab|shoot|do\s+it\s+myself|deal\s+with\s+(?:him|her|them|you)|wish\s+(?:he|she|they|you)"
    r"|teeth|find\s+out|end\s+up|get\s+what"
)
_INSULT_ADJ = (
    r"lazy|useless|spineless|stupid|incompetent|worthless|pathetic|disgusting|smug|cowardly"
    r"|greedy|lying|entitled|ignorant|arrogant|heartless|evil|clueless|dumb|fat|ugly|miserable"
    r"|brainless|gutless|selfish|cruel|vile|despicable|sick|crooked|corrupt|negligent|sorry|sadistic"
    r"|creepy|spiteful|vicious|soulless|two-faced"
)
_ABUSE = re.compile(
    # Insults aimed at someone.
    rf"\b(?:you(?:['’]re|\s+are)?|people\s+like\s+you|you\s+people|(?:he|she)(?:['’]s|\s+is)"
    r"|(?:this|that)\s+(?:guy|man|woman|doctor|nurse|lady|person|surgeon|quack)\s+is"
    rf"|they(?:['’]re|\s+are))\s+(?:an?\s+|such\s+an?\s+|so\s+|too\s+"
    rf"|nothing\s+but\s+(?:an?\s+)?|just\s+(?:an?\s+)?|all\s+)?(?:[\w-]+,?\s+){{0,3}}?"
    rf"(?:{_INSULT_NOUNS}|{_INSULT_ADJ})\b"
    rf"|\b(?:what|such)\s+an?\s+(?:[\w-]+,?\s+){{0,2}}?(?:{_INSULT_NOUNS})\b"
    rf"|\b(?:dr\.?\s+)?[a-z]+\s+is\s+(?:an?|such\s+an?)\s+(?:[\w-]+\s+){{0,2}}?(?:{_INSULT_NOUNS})\b"
    # Profanity at someone.
    r"|\b(?:fuck|screw|damn)\s+(?:you|him|her|them|off)\b|\bgo\s+to\s+hell\b"
    r"|\bshut\s+(?:the\s+(?:hell|fuck|f\*+)\s+)?(?:up|your\s+(?:mouth|face|trap))\b"
    r"|\b(?:bitch|asshole|motherfucker|cunt)\b"
    r"|\bnobody\s+(?:cares|gives\s+a\s+\w+)\s+about\s+(?:you|your)\b|\bgrow\s+up\b"
    r"|\btoo\s+(?:stupid|dumb|lazy|fat|ugly|selfish)\s+to\s+(?:live|save|help|care|understand)\b"
    r"|\b(?:deserve|deserves)\s+the\s+worst\b"
    r"|\b(?:our|their|your)\s+(?:favou?rite\s+)?(?:[\w-]+\s+){0,2}?(?:idiots?|morons?|imbeciles?"
    r"|bastards?|assholes?|scumbags?|dickheads?|douchebags?|lowlifes?|degenerates?)\b(?=\s*[,.;:!?]|$)"
    r"|\bpiece\s+of\s+(?:shit|trash|garbage)\b"
    # Threats and harassment.
    r"|\byou\s+won['’]?t\s+see\s+me\s+coming\b|\bi\s+know\s+where\s+(?:you|he|she|they)\s+li?ves?\b"
    r"|\bwatch\s+your\s+back\b|\bdeserves?\s+to\s+(?:feel\s+hunted|suffer|die|rot|be\s+(?:fired|hurt))"
    r"|\b(?:flood|spam|bombard|blow\s+up)\s+(?:his|her|their|your)\s+(?:inbox|phone|email|voicemail)"
    r"|\bi\s+hope\s+(?:you|he|she|they)\s+(?:die|rot|suffer|lose|get\s+fired|burn)"
    r"|\bmake\s+(?:his|her|their|your)\s+life\s+(?:as\s+)?(?:miserable|hell)"
    r"|\bhunt\s+(?:you|him|her|them)\s+down\b|\byou['’]?ll\s+(?:regret|pay\s+for)\b"
    r"|\b(?:i['’]m|i\s+am)\s+going\s+to\s+(?:make\s+sure\s+everyone|find\s+you|expose|ruin|hurt"
    r"|get(?!\s+(?:there|better|through|home|back|it|my|a|the|some|help|well|out|up|to|on|over|ready)\b))"
    r"|\bi\s+found\s+your\s+(?:real\s+name|address|home|house|family)"
    r"|\bi['’]?(?:ll|\s+will)\s+(?:find|hurt|kill|ruin|get|expose)\s+(?:you|him|her|them)\b"
    # Insults pointed at someone without "you are": "that arrogant bastard", "a pack of vultures".
    rf"|\b(?:that|this|those|these|such\s+an?|(?:a\s+)?(?:bunch|pack|gang|band|nest|den)\s+of)\s+"
    rf"(?:[\w-]+,?\s+){{0,2}}?(?:{_STRONG_INSULTS})\b"
    rf"|\b(?:fucking|f\*+ing|effing|goddamn(?:ed)?|bloody|damn)\s+(?:[\w-]+\s+)?(?:{_PEOPLE})\b"
    rf"|\b(?:are|were|is|was)\s+(?:all\s+)?(?:a\s+bunch\s+of\s+|nothing\s+but\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_STRONG_INSULTS})\b"
    # Threats: a lesson to teach, a reckoning, a watcher who knows your routine.
    r"|\bteach\s+(?:him|her|them|you|that\s+[\w\s-]{1,40}?|this\s+[\w\s-]{1,40}?)\s+a\s+lesson\b"
    r"|\bif\s+i\s+(?:ever\s+)?(?:see|catch|meet|run\s+into)\s+(?:him|her|them|you|that\s+\w+)\b[^.!?]{0,60}"
    r"\b(?:i['’]ll|i\s+will|i['’]m\s+going\s+to|i['’]m\s+gonna)\b"
    rf"|\bif\s+(?:he|she|they|you|that\s+[\w-]+|this\s+[\w-]+)\s+(?:ever\s+)?[^.!?]{{0,60}}\b(?:again|one\s+more\s+time)\b"
    rf"[^.!?]{{0,60}}\b(?:{_HARM})"
    r"|\bi\s+know\s+(?:what\s+time|when|where)\s+(?:your\s+shift\s+(?:ends|starts)|you\s+(?:leave|park|live"
    r"|get\s+off|finish|walk|sleep|go\s+home)|(?:he|she|they)\s+(?:leaves?|parks?|lives?|gets\s+off|walks?|sleeps?))\b"
    r"|\bi\s+know\s+(?:what\s+car|which\s+car|what\s+(?:you|he|she)\s+drives?|(?:you|he|she)\s+drives?|your\s+car"
    r"|your\s+plate)\b"
    r"|\b(?:find\s+out|learn|know|see)\s+what\s+it\s+feels\s+like\s+to\s+be\s+(?:the\s+)?(?:scared|afraid|hunted"
    r"|hurt|helpless|the\s+victim|on\s+the\s+other\s+end)"
    r"|\bone\s+of\s+these\s+(?:days|nights)\b[^.!?]{0,40}\b(?:you|he|she|they)['’]?(?:re|ll|\s+will|\s+are)?\b"
    r"[^.!?]{0,30}\bgoing\s+to\b"
    r"|\b(?:won['’]?t|will\s+never)\s+be\s+(?:operating|working|walking|practi[cs]ing|smiling)\b[^.!?]{0,40}\bafter\b",
)
# Profanity at an illness or a situation is not aimed at a person: "cancer is such a bitch".
_NOT_A_PERSON = re.compile(
    r"\b(?:cancer|diabetes|chemo\w*|radiation|disease|illness|sickness|condition|life|grief|pain|covid"
    r"|lupus|dementia|alzheimer['’]?s|parkinson['’]?s|crohn['’]?s|arthritis|migraines?|depression|anxiety"
    r"|infection|fibro\w*|it|this|that|everything|insurance|recovery|treatment|dialysis|surgery|tumou?r"
    r"|diagnosis|prep|the\s+(?:waiting|wait|drive|commute|weather)|mornings?|nights?|today|this\s+week"
    r"|this\s+year|ms|als|copd|sepsis|leukemia|lymphoma|endometriosis|seizures?|withdrawal|nausea)"
    r"\s+(?:is|was|has\s+been|can\s+be|are|were|['’]s)\s+(?:[\w-]+\s+){0,3}$"
)
_NOT_A_PERSON_AFTER = re.compile(
    r"\s+of\s+an?\s+(?:disease|illness|condition|diagnosis|thing|day|week|year|month|night|cancer|recovery"
    r"|treatment|surgery|infection|process|drive|wait)\b"
)


_ABUSE_WORDS = words_of(_INSULT_NOUNS, _INSULT_ADJ) | frozenset(
    "idiot moron imbecile bitch asshole arsehole bastard scum scumbag dickhead jerk loser cunt "
    "twat dumbass jackass douche douchebag prick clown fraud quack hack butcher monster liar "
    "pig freak fuck fucking screw damn hell shut coming live lives watch deserve deserves "
    "inbox voicemail hunt regret pay found die rot suffer lose fired burn kill hurt ruin expose "
    "find everyone flood spam bombard miserable lesson see catch meet again time know feels "
    "operating working walking practicing practising smiling fucking effing goddamn bloody "
    "ghouls crooks vultures ever".split()
)
# What every match of _ABUSE holds (gates.needs): a sentence with a trigger word
# but none of these cannot match.
_ABUSE_NEED = needs([_ABUSE.pattern], cost=rarity_cost)


def _aimed_at_a_thing(lower: str, match: re.Match[str]) -> bool:
    """Whether the insult word in ``match`` names an illness or a situation."""
    words = list(re.finditer(r"[\w'’]+", match.group()))
    if not words:
        return False
    last = words[-1]
    head = lower[max(0, match.start() - 40) : match.start() + last.start()]
    return bool(_NOT_A_PERSON.search(head) or _NOT_A_PERSON_AFTER.match(lower, match.end()))


class AbuseRule(Rule):
    id = "abuse.insult_or_threat"
    category = "abuse"
    severity = REVIEW
    message = "Contains an insult, profanity aimed at someone, harassment or a threat."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        lower = doc.lower
        for match in doc.scan(_ABUSE_WORDS, _ABUSE, need=_ABUSE_NEED):
            snippet = match.group()
            if _aimed_at_a_thing(lower, match):
                continue
            # "you're so sorry", "you are sick" read as sympathy, not insult.
            if re.search(r"\b(?:sorry|sick)$", snippet) and not re.search(
                r"\bsick\s+(?:fuck|bastard)", snippet
            ):
                continue
            yield match.span()


# -------------------------------------------------------------------- promotion

_PROMO_STRONG = re.compile(
    r"\b\d+\s*%\s*off\b|\b(?:use|with|enter)\s+(?:my\s+|the\s+)?(?:promo\s+|discount\s+|coupon\s+)?code\b"
    r"|\b(?:promo|discount|coupon|referral|affiliate)\s+(?:code|link)\b|\blink\s+in\s+(?:my\s+)?bio\b"
    r"|\bdm\s+me\s+(?:for|to\s+(?:order|buy|get|join))\b|\bsign\s+up\s+(?:at|now|today|here)\b"
    r"|\bshop\s+(?:now|through|at|my|our)\b|\b(?:buy|order)\s+(?:now|today|yours|here)\b"
    r"|\blaunch\s+pric\w+|\bfor\s+sale\b|\bi['’]?m\s+selling\b|\bselling\s+(?:all|my|it|them)\b"
    r"|\bor\s+best\s+offer\b|\bobo\b|\bi\s+charge\b|\bfree\s+(?:trial|sample|consultation|shipping)\b"
    r"|\b(?:limited\s+time|this\s+week\s+only|today\s+only|while\s+supplies\s+last)\b"
    r"|\b(?:group|special|introductory|wholesale)\s+(?:rates?|pricing|prices?|discounts?)\b"
    r"|\bcash\s+(?:or\s+venmo\s+)?only\b|\bvenmo\b|\bcash\s*app\b|\bzelle\b"
    r"|\bbook\s+(?:a|your)\s+(?:free\s+)?(?:call|session|consult\w*)\b|\bnothing\s+up\s+front\b"
    r"|\bmembers\s+get\b|\bsubscribe\s+(?:to|at|now)\b"
    r"|\bcheck\s+out\s+my\s+(?:shop|store|site|website|page|program|book|ebook|course|podcast"
    r"|channel|products?|merch|line)\b|\bavailable\s+(?:now\s+)?(?:on|at)\s+(?:amazon|etsy|my)\b"
    r"|\bsigned\s+copies\b|\border\s+(?:yours|a\s+copy|now)\b|\b(?:we|i)\s+(?:sell|make\s+and\s+sell)\b"
    r"|\bon\s+(?:etsy|amazon|ebay)\b|\bdiscount\b|\bcoupon\b"
    r"|\bfree\s+(?:\d+[- ]?(?:minute|min)\s+|initial\s+|intro(?:ductory)?\s+|discovery\s+|first\s+)"
    r"(?:consult\w*|session|call|class|assessment|evaluation|lesson)\b"
    r"|\bbook\s+(?:it|now|yours|a\s+spot|your\s+spot|online|today)\b|\btext\s+[a-z0-9]{3,}\s+to\s+\(?\d"
    r"|\bfirst\s+\d+\s+(?:sign-?ups|customers|clients|buyers|callers|people\s+to\s+(?:sign|buy|order|book))\b"
    r"|\b(?:package|program|programme|course|bundle|membership|kit|plan|session)s?\s+(?:is|are|costs?|for|at)"
    r"\s+(?:only\s+|just\s+)?\$\s?\d"
    r"|\b(?:visit|check\s+out)\s+(?:my|our)\s+(?:etsy\s+|online\s+)?(?:shop|store|website|site|page)\b"
    r"|\bmessage\s+me\s+(?:to\s+(?:order|buy|book)|for\s+(?:prices|pricing|details|rates|orders))\b"
    r"|\bflat\s+fee\b|\bhalf\s+(?:price|off)\b|\bfree\s+(?:review|quote|estimate)\b"
    r"|\b(?:earn|make\s+money|extra\s+income)\s+(?:from\s+home|online|on\s+the\s+side)\b"
    r"|\bjoin(?:ed)?\s+(?:my|our|an?)\s+(?:[\w-]+\s+){0,2}?(?:team|business|opportunity)\b"
    r"|\b(?:message|dm|text|pm)\s+me\s+to\s+(?:hear|learn|find\s+out)\s+more\b"
    r"|\bbook\s+(?:at|online\s+at|through)\b|\bavailable\s+24/7\b",
)
# A price by the hour or the session: "$28 an hour" (a parking fee has one too).
_PROMO_RATE = re.compile(
    r"\$\s?\d+(?:\.\d\d)?\s*(?:an|a|per|/)\s*(?:hour|hr|session|visit|month|week|class|day)\b"
)
_PROMO_CONTACT = re.compile(
    r"\b(?:text|call|email|e-mail|dm|message|contact)\s+(?:(?:me|us|\w+)\s+)?(?:at|on)\s+[\w(+]"
    r"|\b(?:text|call)\s+\(?\d"
)
_PROMO_WEAK = re.compile(
    r"\$\s?\d|\b\d+\s*(?:dollars|bucks)\b|\bdm\s+me\b|\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:program|protocol|course|products?|coaching|services|business|shop|store|company|brand"
    r"|clinic|practice|app)\b|\bdetails\s+at\b|\bi\s+can\s+help\b|\bpickup\b|\bpick\s+up\s+at\b"
    r"|\bcoach(?:ing|ed)\b|\bsign-?ups\b|\bi['’]m\s+offering\b|\bclients\b|\benroll\w*\b"
    r"|\b[\w-]+\.(?:com|net|org|shop|store|example|co|io|biz)\b|\bcall\s+\(?\d|\btext\s+\w+\s+at\b",
)


_PROMO_WORDS = frozenset(
    "off code codes bio dm sign shop buy order launch sale selling offer obo charge free limited "
    "week today supplies rates rate pricing prices price discount discounts venmo cashapp app "
    "zelle cash book members subscribe check available signed sell etsy amazon ebay coupon promo "
    "affiliate referral wholesale special introductory group front yours copy consult "
    "consultation session call class assessment evaluation lesson text first package program "
    "programme course bundle membership kit plan visit message flat half earn money income team "
    "business opportunity pm hear learn find available".split()
)


class PromotionRule(Rule):
    id = "promotion.sales_pitch"
    category = "promotion"
    severity = REVIEW
    message = "Advertises or sells a product or service."

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        strong = list(doc.scan(_PROMO_WORDS, _PROMO_STRONG))
        if "$" in doc.text and _PROMO_CONTACT.search(doc.lower):
            # A rate with a way to hire: "$30 an hour. Text Dana at 555-0110".
            strong.extend(_PROMO_RATE.finditer(doc.lower))
        if not strong:
            return
        weak = list(_PROMO_WEAK.finditer(doc.lower))
        if "$" in doc.text:
            weak.extend(_PROMO_RATE.finditer(doc.lower))
        kinds = {m.group() for m in strong}
        score = 2 * len(kinds) + min(len({m.group()[:6] for m in weak}), 3)
        if score >= 3 and strong:
            yield strong[0].span()
