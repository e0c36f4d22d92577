"""Credential claims: an author who says they are a nurse, a physician, a tech."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Document, Rule
from ..findings import REVIEW
from ..gates import rarity_cost
from ..lazy import compile_later, needs_later

__all__ = ["CredentialClaimRule"]

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
    # Titles of the UK, Ireland, Australia and New Zealand.
    r"|sho|fy[12]|house\s+officer|junior\s+doctor|registrar|(?:senior|ward|junior|theatre)\s+sister"
    r"|matron|physio|physiotherapist|odp"
)
_CLAIM_WORDS = frozenset(
    "nurse nurses rn lpn lvn np practitioner physician doctor md surgeon resident intern "
    "attending hospitalist intensivist pharmacist pharmd therapist paramedic emt midwife "
    "dietitian dietician nutritionist psychologist psychiatrist counselor counsellor dentist "
    "anesthetist anaesthetist radiographer sonographer phlebotomist cna assistant c "
    "chiropractor optometrist podiatrist clinician medic gp obstetrician pediatrician "
    "paediatrician internist fellow crna doula worker lcsw board dr doc tech technician years "
    "corpsman sho fy fy1 fy2 officer registrar sister matron physio physiotherapist odp "
    "former retired someone license licence certification credentials boards nclex".split()
)
_CLAIM_SUFFIXES = ("ologist", "iatrist", "ologists", "iatrists")
_CLAIM = compile_later(
    rf"\b(?:i['’]m|im|i\s+am|i['’]ve\s+been|i\s+have\s+been|i\s+was|i\s+work(?:ed)?\s+as|as|i\s+became"
    rf"|i\s+trained\s+as|i\s+retired\s+as|speaking\s+as)\s+(?:a|an|the)\s+(?:[\w&/-]+[,]?\s+){{0,4}}?"
    rf"(?:{_CLINICAL_TITLE})s?\b"
    rf"|(?:^|[.!?]\s+|\n)\s*(?:[\w-]+\s+){{0,3}}?(?:{_CLINICAL_TITLE})"
    r"\s+(?:(?:on|in|at|from|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?here\b"
    rf"|\bi\s+(?:was|am|['’]m)\s+one\s+of\s+(?:his|her|their|the|your)\s+(?:[\w-]+\s+)?(?:{_CLINICAL_TITLE})s\b"
    r"|\bi['’]m\s+dr\.?\s+[a-z]|\bboard[- ]certified\b",
)
# What every match of _CLAIM holds (gates.needs): "am", "was", "here"... A sentence
# with a title word but none of these cannot match.
_CLAIM_NEED = needs_later([_CLAIM.pattern], cost=rarity_cost)
# Claims told as a career: "Fifteen years as a surgical tech", "Paramedic for 20
# years,", "Former army medic, now...", "my license as a PA", "I passed my boards".
_CLAIM_CAREER = compile_later(
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
    r"|\bi\s+passed\s+my\s+(?:nursing\s+|medical\s+)?(?:boards|nclex|board\s+exams?)\b"
    r"|\b(?:[\w-]+\s+)?years\s+qualified\b",
)
_CAREER_WORDS = frozenset(
    "years former retired ex someone license licence certification credentials credential "
    "passed qualified".split()
)
_CREDENTIAL_LETTERS = compile_later(
    r"(?:^|[(,]\s*|\n)(?:RN|BSN|MSN|DNP|FNP|APRN|LPN|LVN|CNA|CRNA|CNM|MD|DPT|RRT|PharmD|RPh|PA-C"
    r"|EMT|EMT-P|LCSW|OTR|CCRN|FACP|FACS|MBBS|MRCP|NP)(?:\s*,\s*[A-Z][\w-]*)*\s*(?=[),]|$|\s)"
)
_FIRST_PERSON = compile_later(r"\b(?:i|i['’]m|i['’]ve|me|my|mine)\b")
# "My mother spent thirty years as a nurse": someone else's career.
_OTHER_PERSON_BEFORE = compile_later(
    r"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?(?:mother|mom|mum|father|dad|wife|husband|son"
    r"|daughter|sister|brother|aunt|uncle|friend|grand\w+|cousin|partner)\b[^.!?]*$|\b(?:he|she|they)\b[^.!?]*$"
)

# "as the pharmacist explained": a title in a clause of comparison, not a claim.
_AS_SAID = compile_later(
    r"\s*(?:had\s+|has\s+|always\s+)?(?:explained|said|says|told|suggested|advised|recommended"
    r"|showed|asked|instructed|prescribed|ordered|warned|promised|described|put\s+it|does|did)\b"
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
                s_start, s_end = doc.sentence_at(match.start())
                if _OTHER_PERSON_BEFORE.search(text, s_start, match.start()):
                    continue  # "My mother spent thirty years as a nurse"
                if _AS_SAID.match(text, match.end()):
                    continue  # "as the pharmacist explained"
                if text[s_start : match.start()].strip() and not _FIRST_PERSON.search(
                    text, s_start, s_end
                ):
                    continue  # "Gran trained as a nurse in Glasgow": nothing of the author
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
