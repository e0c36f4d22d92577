"""Medical advice: a sentence that tells readers to take, stop or change a treatment."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Document, Rule, words_of
from ..findings import REVIEW
from ..lazy import compile_later
from ..lexicons import DRUG_SUFFIXES

__all__ = ["MedicalAdviceRule"]

# Common drugs and supplements by name.
_DRUG_NAMES = (
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
)
# Any word ending in a drug-class stem: "atorvastatin", "omeprazole".
_DRUGS = _DRUG_NAMES + "|[a-z]+(?:" + "|".join(DRUG_SUFFIXES) + ")"
_MED_OBJECT = compile_later(
    rf"\b(?:{_DRUGS}|meds|medications?|medicines?|pills|tablets|capsules|gummies|doses?|dosage"
    r"|prescriptions?|injections?|shots|drugs|treatments?|protocol|regimen|cleanse|detox)\b"
    r"|\b\d[\d,.]*\s*(?:mg|mcg|µg|g|ml|iu|units?|milligrams?|micrograms?|puffs?|tablespoons?"
    r"|teaspoons?|drops?|tablets?|pills?|capsules?)\b",
)
# Words one of which any _MED_OBJECT match holds, for a cheap first pass.
_MED_WORDS = words_of(_DRUG_NAMES) | frozenset(
    "meds medication medications medicine medicines pills pill tablets capsules gummies dose "
    "doses dosage prescription prescriptions injection injections shots drugs treatment "
    "treatments protocol regimen cleanse detox mg mcg g ml iu unit units milligrams milligram "
    "micrograms puff puffs tablespoons tablespoon teaspoons teaspoon drops tablet capsule "
    "vitamin relaxers relaxer relaxants relaxant painkillers painkiller antacids laxatives "
    "hormone hormones hrt birth epidural epidurals nitrous anesthesia anaesthesia vaccine "
    "vaccines vaccination vaccinations flu booster boosters pitocin induction section".split()
)
# A sentence with a word ending in a drug-class stem (or a plural statin) is read.
_MED_SUFFIXES = (*DRUG_SUFFIXES, "statins")
_TREAT_VERBS = (
    r"take|stop|quit|skip|ditch|double(?:\s+up)?|cut|halve|start|try|switch|swap|replace|use"
    r"|increase|decrease|lower|raise|up|taper|wean|drop|add|avoid|fill|refuse|flush|toss|throw\s+out"
    r"|get\s+off|come\s+off|go\s+off|split|crush|mix|combine|reduce|bump|keep\s+taking|forget"
    r"|give\s+up|ignore|skip|treat|put|load\s+up|say\s+no(?:\s+to)?|decline|insist\s+on|demand"
    r"|give|keep\s+using|keep\s+giving|stop\s+giving|alternate|bother\s+with"
    r"|push\s+for|ask\s+for|ask\s+them\s+for|request|hold\s+off\s+on|pass\s+on"
)
# A clause that tells the reader to do something to their treatment.
_DIRECTIVE = compile_later(
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
_NOT_ADVICE = compile_later(
    r"\bas\s+(?:prescribed|directed)\b|\b(?:ask|talk\s+to|check\s+with|call)\s+(?:your|a)\s+"
    r"(?:doctor|pharmacist|provider|nurse|care\s+team|gp|clinician)",
)
_PRONOUN_OBJECT = compile_later(
    rf"\b(?:{_TREAT_VERBS})\s+(?:taking\s+|using\s+|on\s+)?(?:them|it|those|these|that)\b"
)
_REPORTED = compile_later(r"^\s*(?:i|we|he|she|they|my|our|his|her|their|it)\b")


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
