"""Crisis signals: indirect crisis language, flagged when two kinds of warning sign meet.

Most people in crisis do not write "I want to kill myself". They write that
they are tired of being alive, that they gave the dog away, that the pills are
counted, that after Saturday it won't matter. One such sentence is rarely
enough; two kinds of signal close together are. ``CrisisSignalsRule`` reads a
text for four kinds of signal, and flags a sentence with one when its
neighbourhood (the sentence before and after, or all of a short comment)
holds at least two kinds, or when the sentence says it outright.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..base import Document, Rule
from ..findings import BLOCK, REVIEW, Finding
from ..gates import rarity_cost
from ..lazy import compile_later, needs_later
from .crisis import (
    ASKED,
    BACK_THEN,
    CAME_THROUGH,
    CARE_PLAN,
    DIE_AT_HOME,
    NEGATED_BEFORE,
    REPORTED_SPEECH,
    WISH_IN,
    Wish,
    only_thought_of,
    quoted_by_someone_else,
)

__all__ = ["TO_A_TREATMENT", "CrisisSignalsRule"]

# After "goodbye": a treatment, not a person ("goodbye cannula", "said goodbye to my hair").
TO_A_TREATMENT = (
    r"\s+(?:to\s+)?(?:the\s+|my\s+|that\s+)?(?:cannula|chemo\w*|ward|hospital|cast|crutch\w*"
    r"|wheelchair|drip|port|picc|lines?|tubes?|cold\s+cap|catheter|stitches|staples|needles?|wig|hair"
    r"|scans?|radiation|radiotherapy|clinic|drains?|boot|brace|sling|splint|oxygen|feeding|dialysis|bay)\b"
)
_ME = r"(?:i|i['’]m|im|i['’]ve|ive|i['’]d|i['’]ll|ill|me|my|myself)"
_KIN = (
    r"(?:wife|husband|son|boy|daughter|girl|mother|mom|mum|father|dad|baby|brother|sister|kids"
    r"|children|parents|family|partner|niece|nephew|granddaughter|grandson|grandkids|friends?)"
)

# Said outright: enough alone.
_OUTRIGHT = (
    r"\b(?:want|wanna|wanted|going|planning|plan|ready|trying)\s+to\s+(?:stop\s+existing|not\s+exist"
    r"|be\s+dead|finish\s+my\s+life|end\s+(?:it|things|my\s+life|everything))\b",
    r"\b(?:finish|end|take)\s+my\s+(?:own\s+)?life\b",
    r"\b(?:unaliv\w*|off)\s+myself\b|\bunaliving\b|\bkms\b",
    r"\bend\s+(?:things|it(?:\s+all)?)\s+myself\b|\bdo\s+the\s+job\s+myself\b",
    Wish(
        r"\b(?:done|finished)\s+with\s+(?:being\s+alive|life|living|everything|it\s+all|this\s+life)\b"
    ),
    Wish(r"\btired\s+of\s+(?:being\s+alive|living|life|existing|waking\s+up)\b"),
    Wish(
        r"\b(?:don['’]?t|do\s+not|not|no\s+longer)\s+(?:want|wanna)\s+to\s+(?:live|be\s+alive|exist"
        r"|wake\s+up|be\s+here|stick\s+around|be\s+around|go\s+on)\b"
    ),
    Wish(r"\bnot\s+want\s+(?:to\s+)?live\b"),
    r"\b(?:don['’]?t|do\s+not)\s+intend\s+to\s+(?:stick\s+around|be\s+around|be\s+here|live|go\s+on)\b",
    Wish(
        r"\bhoping\s+(?:my\s+heart|i)\s+(?:just\s+)?(?:stops?|don['’]?t\s+wake|won['’]?t\s+wake)\b"
    ),
    Wish(
        r"\b(?:ask|asked|beg|begged|begging|pray|praying|prayed)\s+(?:the\s+lord\s+|god\s+|him\s+|jesus\s+)?"
        r"(?:to\s+)?(?:take\s+me|call\s+me\s+home|let\s+me\s+die)\b"
    ),
    Wish(
        r"\b(?:go\s+to\s+sleep|sleep)\s+for\s+good\b|\bnot\s+(?:wake|get\s+back)\s+up\b"
        # Not "I did not wake up with a stoma".
        r"(?!\s+(?:with|in|at|until|till|during|once|to\s+find))"
    ),
    Wish(
        r"\bwouldn['’]?t\s+mind\s+if\s+(?:the\s+)?(?:cancer|disease|tumou?r|it)\s+(?:won|wins|took|takes)\b"
    ),
    Wish(r"\b(?:angry|sorry|disappointed|mad)\s+(?:that\s+i\s+(?:did|woke)|to\s+(?:see|wake))\b"),
    Wish(r"\bwaiting\s+(?:around\s+)?to\s+die\b|\bget\s+it\s+over\s+with\b"),
    r"\bon\s+my\s+own\s+terms\b|\bpick\s+the\s+(?:night|day)\s+myself\b",
    r"\b(?:use|try)\s+(?:them|it)\s+on\s+myself\b",
    r"\b(?:let|letting)\s+go\s+of\s+the\s+wheel\b|\bstep\s+off\b",
    r"\blook\s+like\s+an\s+accident\b",
    r"\bnot\s+an\s+accident\b",
    r"\bi(?:['’]ll|\s+will|['’]m\s+going\s+to|\s+am\s+going\s+to)\s+(?:go|be)\s+with\s+(?:him|her|them)\b",
    r"\b(?:when|after)\s+(?:he|she)\s+goes,?\s+i['’]m\s+going\s+with\b",
    Wish(
        r"\b(?:i['’]ll|i\s+will|i['’]m\s+going\s+to|ready\s+to|want\s+to|i\s+can)\s+(?:see|join|follow|be\s+with)"
        r"\s+(?:my\s+)?[\w-]+\s+(?:again\s+)?(?:soon|now|before)\b"
    ),
    Wish(r"\bready\s+to\s+(?:follow|join|die|go\s+home\s+to)\b"),
    r"\b(?:got|get|getting|took)\s+(?:the|my)\s+(?:razor|blade)s?\s+out\b",
    r"\b(?:cut|cutting|burned|burning)\s+(?:again|myself)\b",
    r"\bstarted\s+cutting\b(?!\s+(?:back|down|out|it|the|my\s+hair|corners|up|off))"
    r"|\bcutting\s+the\s+(?:tops?|insides?)\s+of\s+my\b",
    r"\bthinking\s+(?:about|abt|of)\s+(?:unaliving|killing\s+myself|ending\s+(?:it|things|my\s+life))\b",
    r"\b(?:stopped|quit|stop|skipping|skipped)\s+(?:taking\s+)?(?:my\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\s+on\s+purpose\b",
    Wish(r"\bi\s+want\s+(?:it|this)\s+to\s+(?:happen|be\s+over|end|stop)\b"),
    r"\b(?:tonight|today|this\s+weekend)\b[^.!?\n]{0,30}\btak(?:e|ing)\s+(?:what['’]?s\s+left|all\s+of|the\s+rest"
    r"|every\s+one)\b",
    Wish(
        r"\bi\s+won['’]?t\s+be\s+(?:\w+['’]s\s+|a\s+)?(?:problem|burden)\s+(?:much\s+)?(?:longer|for\s+long)\b"
    ),
)

# The four kinds of signal.
_SIGNALS = {
    # Death, or not being here, as something wanted or expected soon.
    "ending": (
        r"\b(?:die|dying|dead|death)\b",
        r"\b(?:won['’]?t|will\s+not|not\s+going\s+to)\s+be\s+(?:around|here)\b",
        r"\b(?:won['’]?t|will\s+not)\s+be\s+(?:anybody|anyone|everyone)['’]?s?\s+(?:problem|burden)\b",
        r"\bwon['’]?t\s+be\s+a\s+burden\b|\bnot\s+be\s+a\s+(?:problem|burden)\b",
        r"\b(?:ready|free|time)\s+to\s+go\b|\bcheck\s+out\b|\bthat['’]?s\s+it\b",
        r"\b(?:be|go)\s+with\s+(?:him|her|them|\w+)\s+(?:soon|before|again)\b|\bgo\s+home\s+to\b",
        r"\blet\s+(?:it|the\s+\w+)\s+take\s+me\b|\bgo\s+on\s+my\s+own\b",
        r"\bdisappear\b|\bstop\s+existing\b|\bgone\b|\bover\s+with\b|\bno\s+more\s+(?:bills|pain|shame)\b",
        r"\bone\s+step\b|\b(?:almost|nearly)\s+did\s+it\b",
        r"\bnot\s+(?:going|doing)\s+(?:to\s+\w+\s+)?any\s+of\s+it\b",
        r"\bwhich\s+one\s+i['’]m\s+not\s+using\b|\bwon['’]?t\s+stay\b|\bnot\s+stick\s+around\b",
        r"\bnext\s+time\s+i\s+(?:don['’]?t|dont)\s+think\b|\b(?:the|a)\s+least\s+messy\s+way\b",
        r"\bif\s+i\s+(?:didn['’]?t|don['’]?t|never)\s+wake\s+up\b|\bdecide\s+it['’]?s\s+time\b",
        r"\bnothing\s+(?:else\s+|left\s+)?(?:to|i\s+need\s+to|worth)\s+stay(?:ing)?\s+for\b",
    ),
    # Getting ready: goodbyes, notes, affairs settled, things and pets given away, a date.
    "preparing": (
        r"\b(?:gave|giving|given|give)\s+(?:away\s+)?(?:my|most\s+of\s+my|all\s+my|things|stuff|everything)\b",
        r"\b(?:gave|given)\s+(?:him|her|them)\s+(?:all\s+)?my\b"
        r"|\b(?:boxes|bags|envelopes)\s+with\s+(?:people['’]s|their|everyone['’]s)\s+names\b",
        r"\b(?:giving|gave)\s+things\s+away\b|\btake\s+whatever\s+(?:she|he|they|you)\s+(?:like|want)s?\b",
        r"\b(?:affairs|things|everything)\s+(?:are\s+|is\s+)?(?:in\s+order|settled|sorted)\b",
        r"\b(?:found|find)\s+(?:a\s+)?(?:good\s+)?home\s+for\s+(?:the|my)\s+(?:dog|cat|pets?|bird)\b",
        r"\b(?:found|arranged|asked)\s+(?:a\s+family|someone|somebody|a\s+friend|my\s+\w+)\s+to\s+(?:take|look\s+after"
        r"|keep)\s+(?:my|the)\s+(?:dog|cat|parrot|bird|pets?|fish|horse|kids|children|plants)\b",
        r"\bsold\s+(?:my|the)\s+(?:car|truck|house|guitar|bike)\b|\b(?:don['’]?t|nobody\s+needs\s+to|no\s+need\s+to)"
        r"\s+worry\s+about\s+me\b|\bafter\s+this\s+(?:month|week|weekend)\b",
        r"\b(?:after|once)\s+(?:the|my\s+\w+['’]s)\s+(?:wedding|birthday|graduation|holidays|semester|funeral)\b",
        r"\b(?:cat|dog|pets?)\s+(?:is|are)\s+going\s+to\b|\b(?:shelter|rescue)\s+that\s+will\s+take\b",
        rf"\b(?:letter|note|envelope)s?\s+(?:to|for)\s+(?:each\s+of\s+)?(?:my\s+(?:\w+\s+)?{_KIN}|her|him)\b",
        r"\b(?:wrote|written|writing|left)\s+(?:a|the|my|some|two)\s+(?:goodbye\s+)?(?:notes?|letters?|envelopes?)"
        r"\s+(?:for|to|in|where)\b|\btwo\s+envelopes\b|\bwritten\s+\w+\s+a\s+note\b",
        # Not a goodbye to a treatment: "goodbye cannula, goodbye cold cap", "goodbye to my hair".
        rf"\bgoodbye\b(?!{TO_A_TREATMENT})|\bmade\s+(?:my\s+)?peace\b",
        r"\bpaid\s+(?:off|back)\b|\blife\s+insurance\b|\bclosed\s+out\b|\bwon['’]?t\s+be\s+needing\b",
        r"\b(?:picked|chose|circled|set)\s+(?:a|the)\s+(?:date|day|night)\b|\b(?:a|the)\s+(?:date|day)\s+picked\b",
        r"\bcircled\s+the\b|\bcalendar\s+blank\b|\bhave\s+a\s+plan\s+and\b|\bbackup\s+plan\b",
        r"\b(?:i['’]ve|i\s+have|i)\s+(?:already\s+)?decided\b|\bmade\s+a\s+decision\b|\bthought\s+it\s+through\b",
        r"\bfigured\s+out\b|\bworking\s+out\s+how\b|\bknow\s+how\s+i['’]m\s+going\b|\balready\s+decided\s+how\b",
        r"\b(?:after|before|until)\s+(?:the\s+holidays|christmas|saturday|sunday|friday|tonight|her\s+birthday"
        r"|his\s+birthday|my\s+\w+['’]s\s+birthday|the\s+semester|next\s+month|spring)\b",
        r"\bact\s+normal\b|\bnobody\s+interrupts\b|\bplease\s+nobody\b|\btalk\s+me\s+out\s+of\b",
        r"\bthe\s+things\s+i\s+need\b|\bscrubbed\s+the\b|\bone\s+more\s+normal\b",
        r"\bwhere\s+(?:they|he|she)['’]ll\s+find\b|\bsorry\s+(?:mom|mum|dad|everyone|guys)\b",
    ),
    # The means: pills counted or saved, treatment stopped on purpose, a weapon, a height, a car.
    "means": (
        r"\b(?:saving|saved|putting\s+aside|put\s+aside|stockpil(?:e|ed|es|ing)|hoard(?:ed|ing|s)?"
        r"|count(?:ed|ing)?(?:\s+out)?|keeping\s+(?:them|back)|holding\s+back|setting\s+aside|hiding"
        r"|taking\s+a\s+few|took\s+a\s+few|extra)\b"
        r"[^.!?\n]{0,40}\b(?:pills?|meds|tablets|sedatives|painkillers|oxy(?:codone|contin)?|insulin"
        r"|baclofen|gabapentin|one|them)\b",
        r"\b(?:pills?|meds|tablets|sedatives)\b[^.!?\n]{0,40}\b(?:saved|in\s+a\s+(?:jar|sock|bag|box)|enough"
        r"|every\s+one|at\s+once|what['’]?s\s+left)\b|\bwhat['’]?s\s+left\s+in\s+the\s+bottle\b",
        r"\benough\s+(?:by\s+)?now\b|\balmost\s+have\s+enough\b|\bhave\s+enough\b",
        r"\b(?:stopped|quit|skipping|skipped|haven['’]?t\s+taken)\s+(?:taking\s+|going\s+to\s+)?(?:my\s+)?"
        r"(?:insulin|dialysis|meds|medication|pills|tacrolimus|anti-rejection|water\s+pills|treatment)\b",
        r"\b(?:stopped|quietly\s+stopped)\s+(?:going\s+to\s+)?(?:dialysis|treatment|chemo|taking)\b",
        # Not "at the end of my rope", "learning the ropes", "jump rope".
        r"\b(?:gun|handgun|revolver|pistol|shotgun|razor|blade)s?\b"
        r"|(?<!end\sof\smy\s)(?<!end\sof\sthe\s)(?<!jump\s)(?<!skipping\s)(?<!learning\sthe\s)(?<!learn\sthe\s)"
        r"\bropes?\b",
        r"\b(?:bridge|overpass|ledge|cliff|rooftop|top\s+level|parking\s+(?:deck|garage)|train\s+tracks)\b",
        r"\b(?:close\s+to|at|over|off)\s+the\s+edge\b|\blook(?:ed)?\s+down\s+at\s+the\b|\bwalked\s+out\s+to\s+the\s+middle\b",
        # "the crash would look like an accident"; not a past accident ("a car crash in 2015").
        r"\b(?:engine\s+running|closed\s+garage|the\s+wheel|oncoming|paralytics|switch\s+off\s+the\s+machine)\b"
        r"|(?<!car\s)(?<!motorcycle\s)(?<!bike\s)(?<!road\s)(?<!a\s)\bcrash\b(?!\s+in\s+(?:19|20)\d\d)"
        r"|\b(?:take|took|taking|pull|pulled|pulling|rip|ripped)\s+(?:off|out)\s+(?:the\s+|my\s+)?"
        r"(?:cannula|oxygen|mask|lines?|tubes?)\b",
        r"\bhow\s+many\s+of\b|\blooking\s+up\s+(?:how|doses|the\s+dose)\b|\bwhat\s+speed\b",
    ),
    # Hopelessness: nothing left, a burden, done, relief.
    "hopeless": (
        r"\bnothing\s+left\b|\bno\s+way\s+out\b|\bno\s+(?:reason|point)\b|\bwhat['’]?s\s+the\s+(?:difference|point)\b",
        r"\bburden\b|\bbetter\s+off\b|\beasier\s+for\s+everyone\b",
        r"\b(?:i['’]m|im|i\s+am)\s+(?:just\s+)?done\b(?!\s+(?:\w+ing\b|with\s+(?!being|life|living|everything|it\s+all)))"
        r"|\bjust\s+done\b|\bcan['’]?t\s+keep\s+doing\s+this\b",
        r"\bcan['’]?t\s+(?:go\s+on|do\s+this|take\s+(?:it|this|any\s*more)|stop)\b",
        r"\btired\s+of\s+(?:fighting|being|all\s+of\s+it|this)\b|\bi['’]m\s+(?:just\s+)?tired\b",
        r"\brelie(?:f|ved)\b|\bwelcome\s+it\b|\bnot\s+(?:sad|afraid|scared)\s+(?:about\s+it|of\s+being\s+dead)\b",
        r"\bthe\s+thoughts\s+are\s+back\b|\bcalmer\s+and\s+more\s+organized\b|\bfeel\s+nothing\b",
        r"\bguilty\b|\bshame\b|\bwhy\s+i['’]m\s+(?:even\s+)?(?:posting|telling)\b|\bneeded\s+(?:to\s+say\s+it|to\s+be\s+honest)\b",
        r"\b(?:i|im|i['’]m)\s+(?:just\s+)?waiting\b|\benvying\b|\bthe\s+one\s+useful\s+thing\b|\bless\s+like\s+a\s+daydream\b",
        r"\bsomebody\s+to\s+know\b|\bsomeone\s+(?:to\s+know|who\s+gets\s+it)\b",
        r"\bfine\s+with\s+it\b|\bunderstand\s+why\b|\bhow\s+calm\b|\bfeel\s+calm\b",
    ),
}


# Each pattern with what its every match holds (gates.needs): it is read only in
# the sentences that hold that.
_SIGNAL_RES = {
    kind: [(compile_later(p), needs_later([p], cost=rarity_cost)) for p in ps]
    for kind, ps in _SIGNALS.items()
}
_OUTRIGHT_RES = [(compile_later(p), needs_later([p], cost=rarity_cost)) for p in _OUTRIGHT]
# Which of them say a wish ("tired of being alive") rather than intent: review, not block.
_OUTRIGHT_WISH = [isinstance(p, Wish) for p in _OUTRIGHT]
_ME_RE = compile_later(rf"\b{_ME}\b")
_OTHERS = compile_later(
    r"\b(?:you|you['’]ll|you['’]re|he|she|they|he['’]s|she['’]s|they['’]re|his|her|their)\b"
)
# Advice and resources addressed to readers: "if you're thinking of ending it, call 988".
_TO_READERS = compile_later(
    r"\bif\s+you\b|\byou['’]re\s+not\s+alone\b|\bcall\s+(?:or\s+text\s+)?988\b|\bif\s+anyone\b"
)


_ATTEMPTED = compile_later(r"\b(?:tried|attempted|an\s+attempt)\b")
# A text that says the author is safe now: signals in it are read as history.
_SAFE_NOW = compile_later(
    r"\bsafety\s+plan\b|\bhaven['’]?t\s+had\s+(?:\w+\s+){0,2}thoughts\s+in\b|\bdoing\s+(?:well|better)\b"
    r"|\bin\s+a\s+(?:good|better)\s+place\b"
)


class CrisisSignalsRule(Rule):
    id = "crisis.signals"
    category = "crisis"
    severity = BLOCK
    message = (
        "The author may be at risk of suicide or self-harm now (several warning signs together): "
        "act on this first."
    )

    wish_message = (
        "The author may wish not to be alive, or feel a burden or trapped (warning signs "
        "together): a possible crisis, read it first."
    )

    def spans(self, doc: Document) -> Iterator[tuple[int, int]]:
        for start, end, _severity in self._flagged(doc):
            yield start, end

    def find(self, doc: Document) -> Iterator[Finding]:
        for start, end, severity in self._flagged(doc):
            finding = self.finding(start, end, severity=severity)
            yield finding if severity == BLOCK else replace(finding, message=self.wish_message)

    def _flagged(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """(start, end, severity) of each flagged sentence: ``block`` for intent,
        a plan, the means or preparations; ``review`` for a wish or hopelessness."""
        text = doc.lower
        sentences = doc.sentences
        if not sentences:
            return
        kinds = self._all_kinds(doc)
        if not any(kinds):
            return
        recovered = doc.found_anywhere(CAME_THROUGH)
        safe_now = doc.found_anywhere(_SAFE_NOW)
        short = len(text) < 700
        whole = set().union(*kinds) if short else set()
        for index, (start, end) in enumerate(sentences):
            here = kinds[index]
            if not here:
                continue
            sentence = text[start:end]
            if _TO_READERS.search(sentence) or REPORTED_SPEECH.search(sentence):
                continue
            # The question asked, up to its end: "he asked me whether I was wanting to end my life."
            if ASKED.search(sentence.rstrip(" \t\n.!?\"”’'")):
                continue
            if (recovered or _ATTEMPTED.search(sentence)) and BACK_THEN.search(sentence):
                continue
            if doc.found_anywhere(CARE_PLAN) and DIE_AT_HOME.search(sentence):
                continue
            if not self._mine(text, sentences, index):
                continue
            if "outright" in here:
                yield start, end, BLOCK
                continue
            if "wish" in here:
                yield start, end, REVIEW
                continue
            if safe_now:
                continue
            near = set(here)
            if short:
                near |= whole
            else:
                for other in (index - 2, index - 1, index + 1, index + 2):
                    if 0 <= other < len(kinds):
                        near |= kinds[other]
                # The means kept at hand and preparations made, told far apart in
                # a long story ("gave my brother my rifles" ... "kept one pistol back").
                if "means" in here and any("preparing" in k for k in kinds):
                    near.add("preparing")
                if "preparing" in here and any("means" in k for k in kinds):
                    near.add("means")
            near -= {"outright", "wish"}
            if len(near) >= 2 and here & {"ending", "preparing", "means"}:
                urgent = "means" in near or (
                    "preparing" in near and ("ending" in near or "preparing again" in near)
                )
                # "I drive past the overpass and think about how it'd be a relief":
                # the means only thought of, nothing prepared, is a possible crisis.
                if urgent and "preparing" not in near:
                    bare = sentence.rstrip(" \t\n.!?\"”’'")
                    urgent = not only_thought_of(bare, bare, "")
                yield start, end, BLOCK if urgent else REVIEW

    @staticmethod
    def _all_kinds(doc: Document) -> list[set[str]]:
        """The kinds of signal in each sentence, each kind read only in the
        sentences that hold what its patterns need."""
        text, sentences = doc.lower, doc.sentences
        index_of = {span: index for index, span in enumerate(sentences)}
        kinds: list[set[str]] = [set() for _ in sentences]

        for (pattern, need), wish in zip(_OUTRIGHT_RES, _OUTRIGHT_WISH, strict=True):
            for start, end in doc.sentences_holding(need):
                for match in pattern.finditer(text, start, end):
                    # "I'm not thinking about ending it": denied just before.
                    if not NEGATED_BEFORE.search(
                        text, max(start, match.start() - 12), match.start()
                    ) and not quoted_by_someone_else(text, start, *match.span(), end):
                        wished = (
                            wish
                            or WISH_IN.search(match.group())
                            or only_thought_of(
                                text[start:end], text[start : match.start()], match.group()
                            )
                        )
                        kinds[index_of[start, end]].add("wish" if wished else "outright")
                        break
        for kind, patterns in _SIGNAL_RES.items():
            seen: dict[int, set[str]] = {}
            for pattern, need in patterns:
                for start, end in doc.sentences_holding(need):
                    for match in pattern.finditer(text, start, end):
                        if _own(text, start, match):
                            seen.setdefault(index_of[start, end], set()).add(match.group())
            for index, matched in seen.items():
                kinds[index].add(kind)
                # Two different preparations ("gave away my guitar", "everything in
                # order") say as much as two kinds of signal.
                if kind == "preparing" and len(matched) > 1:
                    kinds[index].add("preparing again")
        return kinds

    @staticmethod
    def _mine(text: str, sentences, index: int) -> bool:
        """The author writes of themselves here, or in the sentence before one
        that is about nobody else."""
        start, end = sentences[index]
        if _ME_RE.search(text, start, end):
            return True
        if _OTHERS.search(text, start, end):
            return False
        # "Cut again last night.": no subject at all is the author too.
        return index == 0 or bool(_ME_RE.search(text, *sentences[index - 1]))


def _own(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether a signal is the author's: its clause ("he'd told a counselor that
    he wanted to die") does not name someone else before it."""
    if quoted_by_someone_else(text, start, match.start(), match.end(), len(text)):
        return False
    clause = text[max(start, match.start() - 60) : match.start()]
    for mark in ",;:(":
        clause = clause.rsplit(mark, 1)[-1]
    return not (_OTHERS.search(clause) and not _ME_RE.search(clause))
