"""Patient disclosure: another patient's clinical details, told without their consent."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Document, Rule
from ..findings import REVIEW
from ..gates import rarity_cost
from ..lazy import compile_later, needs_later
from ..lexicons import MONTHS, common_words

__all__ = ["PatientDisclosureRule"]

_CLINICAL = compile_later(
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
    r"|blood\s+(?:sugar|thinners|count)|heart\s+attack|transplant|leg|legs|amputated|bleed|biopsy|weeks\s+pregnant"
    r"|eating\s+disorders?|anorexi\w+|bulimi\w+|tube[- ]fed|(?:nasogastric|ng|peg)\s+tube"
    r"|lost\s+(?:her|his|their)\s+baby"
    r"|triple\s+bypass|wound\s+infection|autis\w+|head\s+(?:lac|injury)|resus)\b",
)
_FAMILY_BEFORE = compile_later(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:husband|wife|son|daughter|mother|mom|mum|father|dad"
    r"|brother|sister|grand\w+|aunt|uncle|cousin|nephew|niece|partner|child|baby|kid|twin"
    r"|boyfriend|girlfriend|fianc\w+|stepson|stepdaughter)\b[^.!?]{0,20}$",
)
_STAFF_NEAR = compile_later(
    r"\b(?:dr\.?|doctor|nurse|surgeon|caseworker|therapist|manager|officer|pharmacist|aide"
    r"|attending|resident|navigator|interpreter|chaplain|social\s+worker|cardiologist"
    r"|oncologist|neurologist|physician|coworker|colleague)\b",
)
# Ways a story points at one other patient, each with a cheap test of whether
# the text could hold it at all.
_SUBJECT_PATTERNS = (
    (("Mr", "Ms", "Miss"), compile_later(r"(?=M)\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w'’-]+")),
    (
        (" named ",),
        compile_later(
            r"(?=[AaOoTt])\b(?:[Aa]|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}?"
            r"(?:patient|man|woman|boy|girl|gentleman|lady|teen(?:ager)?|kid|child|baby|veteran"
            r"|mother|father|farmworker|worker|student|grandmother|grandfather)\s+named\s+[A-Z][\w'’-]+"
        ),
    ),
    (
        compile_later(r",\s+(?:a\s+)?\d{1,3}(?:[- ]year[- ]old)?,"),
        compile_later(
            r"(?=[A-Z])\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+(?:a\s+)?\d{1,3}"
            r"(?:[- ]year[- ]old)?,"
        ),
    ),
    (
        compile_later(
            r"(?i:in\s+(?:the\s+)?(?:(?:other|next|opposite|neighbou?ring|next-door)\s+"
            r"|(?:bed|room|bay|cubicle|cot)\s+(?:\d|next|opposite|across|beside)))"
        ),
        # "the boy in the other bed", "the poor woman in the bed next to me",
        # "the lad in the next bed", "the man in the bed opposite", "the girl in bed 6".
        compile_later(
            r"(?=[Tt])\b(?i:the\s+(?:[\w-]+\s+){0,2}?(?:boy|girl|man|woman|patient|lady|gentleman|kid"
            r"|child|baby|teen|teenager|guy|lad|lass|bloke|fella|fellow|chap|mum|mom|dad|auntie|aunty"
            r"|grandmother|grandfather|grandma|grandpa|nan|granny|student|mother|father)\s+in\s+(?:the\s+)?"
            r"(?:(?:other|next|opposite|neighbou?ring|next-door)\s+(?:bed|room|bay|crib|bassinet|cot"
            r"|cubicle|curtain)|(?:bed|room|bay|cubicle|cot)\s+(?:\d+|next\s+to\s+(?:me|mine|us|ours"
            r"|my\s+\w+)|opposite(?:\s+(?:me|mine|us))?|across(?:\s+from\s+(?:me|mine|us|my\s+\w+))?"
            r"|beside\s+(?:me|mine|us|my\s+\w+))))"
        ),
    ),
    (("y patient",), compile_later(r"(?=[Mm])\b[Mm]y\s+(?:\w+\s+)?patient\b(?!s)")),
    (
        compile_later(
            r"\b(?:came|was\s+(?:brought|rushed|wheeled|transferred|admitted)|rolled|arrived|presented)\b"
        ),
        compile_later(
            r"(?=[AaOoTt])\b(?:[Aa]n?|[Oo]ne|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,2}?(?:patient|man|woman|boy|girl"
            r"|gentleman|lady|teen(?:ager)?|kid|child|baby|veteran|mother|father|mom|dad|grandmother"
            r"|grandfather|grandma|grandpa|toddler|infant|newborn|guy)\s+(?:came|was\s+(?:brought|rushed"
            r"|wheeled|transferred|admitted)|rolled|arrived|presented|showed\s+up)\b"
        ),
    ),
    (
        compile_later(r"patient\s+(?:of\s+mine\s+)?(?:who|with|in\s+room|in\s+bed)"),
        compile_later(
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
    needs_later([pattern.pattern], cost=rarity_cost) if index >= 5 else None
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
_STAFF_SUBJECT = compile_later(
    rf"\b(?:a|an|the|one|this|that|another|our|their)\s+(?:(?!(?:a|an|the|this|that)\s)[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_PERSON_NOUNS})\b"
    r"(?!\s+(?:nurses?|doctors?|staff|team|unit|floor|ward|tech|aide|therapist|who\s+works|aspirin"
    r"|monitor|shower|steps|wipes|food|formula|clothes|blues|boomers?|gloves|proof|sitter|talk|face|shift"
    r"|scale|book|bottle|bottles|seat|gate|carrier|doll))"
    r"|\bone\s+of\s+(?:my|our)\s+(?:regulars|patients|clients|residents|kids|babies|moms)\b"
    r"|\b(?:in|back\s+in)\s+(?:bed|room|bay|chair)\s+\d+\b|\bthe\s+\w+\s+in\s+\d{2,4}\b"
)
# "Kenji, who's been on our floor since August": one named person.
_NAMED_WHO = compile_later(r"(?=[A-Z])\b[A-Z][a-z]+,\s+who(?:['’]s|\s+has|\s+had|\s+is|\s+was)\b")
# Staff nouns that are not the patient: "the nurse", "a resident".
_STAFF_NOUNS = compile_later(
    r"\b(?:nurses?|doctors?|surgeons?|residents?|attendings?|techs?|aides?|therapists?|chaplains?"
    r"|interpreters?|physicians?|pharmacists?|paramedics?|medics?|staff|coworkers?|colleagues?)\b"
)
# A specific time or place that makes a generic "a patient" one person.
_SPECIFIC = compile_later(
    r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|week|spring|summer|fall|winter|month)"
    r"|last\s+(?:night|week|month|shift|spring|summer|fall|winter|year)|on\s+(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+night)?|(?:bed|room|bay)\s+\d+|\d{1,3}[- ]year[- ]old"
    r"|in\s+(?:his|her)\s+(?:\w+ies|\d0s)"
    r"|every\s+(?:morning|week|thursday|monday|tuesday|wednesday|friday|saturday|sunday))\b"
)
# A reader's neighbour, coworker or boss: not family, so their diagnosis is theirs.
_ACQUAINTANCE = compile_later(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:coworker|co-worker|colleague|neighbou?r|boss|roommate"
    r"|classmate|landlord|supervisor|manager|teacher|client)\b|\bthe\s+(?:lady|man|woman|guy|gentleman"
    r"|couple|kid)\s+(?:next\s+door|across\s+the\s+(?:street|hall)|upstairs|downstairs)\b"
)
# Anyone, not someone: "when a patient comes off the vent", "the day a patient".
_GENERIC_BEFORE = compile_later(
    r"\b(?:when|whenever|if|once|until|unless|every\s+time|each\s+time|the\s+(?:day|moment|minute|time)"
    r"|as\s+soon\s+as|because|how|what|whether)\s+$"
)
_ACQUAINTANCE_WORDS = frozenset(
    "coworker co worker colleague neighbor neighbour boss roommate classmate landlord supervisor "
    "manager teacher client door street hall upstairs downstairs".split()
)
# The author, not someone else: "I'm the guy in bed 4".
_SELF_BEFORE = compile_later(r"\b(?:i['’]m|i\s+am|i\s+was|me,?)\s+['‘\"“]?$")
_SELF_IN_SENTENCE = compile_later(r"\b(?:i['’]m|i\s+am)\s+(?:the|a)\b")

# "Farida Haddad came in on a Saturday night": a named arrival, read only when
# the author works in care.
_NAMED_ARRIVAL = compile_later(
    r"(?=[A-Z])\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:came\s+(?:in|into|to\s+us|through)|was\s+(?:brought"
    r"|rushed|wheeled|transferred)\s+in|arrived|presented|was\s+admitted)\b"
)
_STAFF_AUTHOR = compile_later(
    r"\b(?:i\s+work(?:ed)?\s+(?:nights\s+|days\s+|weekends\s+|nights\s+and\s+weekends\s+)?(?:in|on|at|as)|my\s+shift|our\s+(?:unit|floor|ward|department|team|icu|ed|er)"
    r"|i['’]m\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:nurse|doctor|physician|therapist|tech|aide|paramedic|resident)"
    r"|i['’]ve\s+been\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:nurse|doctor|physician|therapist|tech|aide|paramedic))",
)
# "Sam, who lives next door, was just diagnosed": found from the verb back.
_DIAGNOSED_BEFORE = compile_later(r"\b(?:was|is|has\s+been|got)\s+(?:just\s+|recently\s+)?$")
_CAPITALISED = compile_later(r"\b[A-Z][a-z]+\b")
_NOT_SUBJECT = frozenset(
    "I We He She They It My Our His Her Their This That The A An And But So Then When After "
    "Before Mom Dad Mum Everyone Nobody Someone Anyone Everybody".split()
)


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred".split()
)


def _may_be_a_person(word: str) -> bool:
    """Whether a capitalised word before "was admitted" may be who was: not "Eighteen
    months ago I was admitted"."""
    low = word.lower()
    return low not in _NUMBER_WORDS and low not in common_words() and word not in MONTHS


# "in Napier", "at Beaumont": a place before "I was admitted", not a person.
_PLACE_PREP = compile_later(r"\b(?:in|at|from|to|near|of|into)\s+$")


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
            if (any(g in text for g in gate) if isinstance(gate, tuple) else gate.search(text))
            for start, end in (doc.unpunctuated(need) if need else [(0, len(text))])
            for match in pattern.finditer(text, start, end)
        ]
        for verb in ("diagnosed", "admitted", "intubated", "hospitalized", "hospitalised"):
            if verb not in doc.word_set:
                continue
            for position in doc.word_positions(verb):
                lo = max(doc.sentence_at(position)[0], position - 90)
                if _DIAGNOSED_BEFORE.search(doc.lower, lo, position):
                    matches.extend(
                        m
                        for m in _CAPITALISED.finditer(text, lo, position)
                        if _may_be_a_person(m.group())
                        and not _PLACE_PREP.search(text, max(0, m.start() - 8), m.start())
                    )
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
