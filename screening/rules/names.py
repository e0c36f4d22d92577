"""People's names.

A capitalised word is a name when a list of first names knows it and it is not
more often an ordinary word, or when its context says "person": a title
("Dr. Mehra"), a relation ("my husband Gary"), an introduction ("named Ana",
"I'm Ana"). Names of places, organisations, drugs, holidays and eponymous
diseases are left alone. A name found once is then found everywhere it recurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Document, Rule, covers
from ..findings import REVIEW, Finding
from ..lazy import compile_later
from ..lexicons import (
    EPONYMS,
    GIVEN_WORD_NAMES,
    HOLIDAYS,
    LEADING_WORDS,
    MONTHS,
    NEVER_NAMES,
    NOT_NAMES,
    PLACE_WORDS,
    RELATIONS,
    TITLES,
    WORD_NAMES_PEOPLE,
    common_word_names,
    dictionary_words,
    first_names,
    last_names,
    place_names,
    state_names,
)
from .name_context import (
    AGE_APPOSITION,
    AND_I_AFTER,
    AND_NAME,
    CONTRACTION,
    DEVOTIONS,
    EPONYM_AFTER,
    FAMILY_DOES,
    GLUED,
    NICKNAMED,
    PATIENT_TITLE_STEMS,
    PERSON_AFTER,
    PERSON_OBJECT_VERBS,
    PERSON_SPEAKS_AFTER,
    PERSON_VERB_AFTER,
    RELATION_AFTER,
    RELATION_AFTER_BARE,
    RELATION_WORDS,
    ROLE_WORDS,
    SEASONS,
    SEQUENCE,
    Token,
    appositive,
    at_sentence_start,
    capitalised_tokens,
    clean,
    hyphenated_given,
    institution_spans,
    intro_before,
    is_plain_capitalised,
    is_titlecase,
    org_follows,
    phrase_spans,
    place_before,
    place_word_follows,
    prev_words,
    relation_before,
    self_intro_before,
    state_after,
    title_before,
)

__all__ = ["NameRule"]


# "- Ask your prescriber": a dash that starts a line is a list's bullet, not a sign-off.
_BULLET = compile_later(r"(?:^|\n)[^\S\n]*[-–—~*•]+[^\S\n]*$")


# "our golden retriever Rufus", "the parrot is called Winston": a pet, not a person.
_PETS = frozenset(
    "dog dogs doggo puppy pup cat cats kitten kitty retriever labrador lab spaniel terrier "
    "collie poodle beagle dachshund greyhound whippet pug husky alsatian labradoodle cockapoo "
    "lurcher staffie chihuahua parrot budgie budgerigar cockatiel canary hamster guinea rabbit "
    "bunny horse pony goldfish fish tortoise turtle ferret gerbil pet pets teddy".split()
)
# "the Edith Cavell ward", "on Florence ward", "the Mary Seacole building": a ward or a
# building named after someone, told in lower case.
_NAMED_PLACE_AFTER = compile_later(
    r"(?:[^\S\n]+[A-Z][^\W\d_]+){0,2}[^\S\n]+(?:ward|wards|building|wing|unit|suite|centre|"
    r"center|lecture[^\S\n]+theatre|library|hall|block|garden|gardens|fund|foundation|award|"
    r"scholarship|lecture|statue|room|clinic|day[^\S\n]+room|birthing[^\S\n]+suite)\b"
)
# A lower-case noun after a place name: "the Alberta winter", "a Kerry accent".
_PLACE_ADJECTIVE = compile_later(
    r"[^\S\n]+(?!(?:and|or|who|was|is|has|had|said|told|came|went|did|will|would|to|of|in|at"
    r"|family|families|clan|household|twins|brothers|sisters|kids|children|boys|girls|sisters)\b)"
    r"[a-z]{3,}\b"
)
# "a Sarah who", "a Sarah from billing", "a Sarah, I think": a person still.
_PERSON_AFTER_A = compile_later(r",|[^\S\n]+(?:who|from|in|at|on|with|called|named)\b")
# Names that are verbs or wishes before "my": "Hope my husband gets", "Thank God".
_VERB_LIKE = frozenset(
    "Will May Can Hope Mark Bill Sue Pat Rob Trust Wish Pray Thank Tell Ask Let Get Call "
    "Ring Meet Bless Love Miss Watch Guess Grant Chase Drew Dawn Kiss Hug Kerry".split()
)
# "Will came in every night": "will" before a past tense is a person.
_WILL_DID = compile_later(
    r"[^\S\n]+(?:came|went|said|told|drove|took|gave|brought|sat|stood|held|rang|wrote|sang"
    r"|was|had|has|did|didn['’]t|wasn['’]t|does|doesn['’]t|got|made|found|kept|left|met)\b"
)
# What a person has, after a word-name's "'s": "Hope's first birthday", "Grace's mum".
_OWNED = compile_later(
    rf"[^\S\n]+(?:first[^\S\n]+)?(?:birthday|room|bed|cot|incubator|funeral|christening|surgery"
    rf"|operation|op|scan|diagnosis|consultant|nurse|nurses|team|family|{RELATIONS})\b",
    re.IGNORECASE,
)
# "Burak and the kids send their love", "Jide and the theatre team".
_AND_THE_GROUP = compile_later(
    r"^[^\S\n]+and[^\S\n]+the[^\S\n]+(?:whole[^\S\n]+)?(?:[a-z]+[^\S\n]+)?"
    r"(?:kids|children|team|family|whānau|whanau|gang|girls|boys|lads|crew|grandkids|twins)\b"
)
# "Asif, who can fix the phone system": a person set off before "who".
_WHO_CLAUSE = compile_later(r"^(?:[^\S\n]+[A-Z][\w'’-]+)?,[^\S\n]+who\b")
_FAMILY_OWNED = compile_later(
    r"['’]s[^\S\n]+(?:family|mum|mom|dad|wife|husband|kids|children|funeral|partner)\b"
)
_PREPOSITIONS = frozenset(
    "on in at for by since until till after before during over from to into of with".split()
)
_WHO_AFTER = compile_later(r",?[^\S\n]+who\b")
_PET_PEOPLE = frozenset("walker walkers sitter groomer trainer lady man owner vet".split())
_NAMED_PLACE_BEFORE = frozenset("the on onto off to from at".split())


def _pet_before(words: list[str]) -> bool:
    """Whether a pet word stands in the last four words of the same sentence."""
    recent = words[-4:]
    for index in range(len(recent) - 1, -1, -1):
        word = recent[index]
        if word[-1:] in ".!?":
            return False
        if clean(word) in _PETS:
            following = clean(recent[index + 1]) if index + 1 < len(recent) else ""
            return following not in _PET_PEOPLE  # "my dog walker Sam" is a person
    return False


class NameRule(Rule):
    id = "name.lexicon"
    category = "name"
    severity = REVIEW
    message = "Looks like a person's name."

    def find(self, doc: Document) -> Iterator[Finding]:
        firsts = first_names()
        lasts = last_names()
        wordlike = common_word_names()
        text = doc.text
        found: list[tuple[int, int, str, str]] = []  # start, end, rule id, message

        every: list[Token] = []
        blocked = institution_spans(text) + phrase_spans(text, doc.word_set)
        in_blocked = covers(blocked)
        for seq in SEQUENCE.finditer(text):
            if seq.start() and (text[seq.start() - 1].isalnum() or text[seq.start() - 1] in GLUED):
                continue
            tokens = capitalised_tokens(text, seq.start(), seq.end())
            if blocked:
                tokens = [t for t in tokens if not in_blocked(t[1])]
            every.extend(tokens)
            # Walk the sequence by index: a sequence can be a whole text in capitals,
            # and the rules read at most the next few tokens (a window of eight).
            i = 0
            while i < len(tokens):
                window = tokens[i : i + 8]
                given = hyphenated_given(window)
                if given:
                    found.append((window[0][1], window[given - 1][2], "name.given_hyphenated",
                                  "A hyphenated given name, as Korean and Chinese names are "
                                  "written in English."))  # fmt: skip
                    i += given
                    continue
                if window[0][0] in PLACE_WORDS or window[0][0] in HOLIDAYS:
                    break  # "Memorial Hermann", "Christmas Eve": the rest names a place or day
                if window[0][0] in NEVER_NAMES:
                    i += 1
                    continue
                before = text[max(0, window[0][1] - 60) : window[0][1]]
                result = self._classify(
                    doc, window, before, firsts=firsts, lasts=lasts, wordlike=wordlike
                )
                if result is None:
                    i += 1
                    continue
                count, rule_id, message = result
                found.append((window[0][1], window[count - 1][2], rule_id, message))
                i += count

        # Every later mention of a name found once is a name too.
        known, in_full_name = {}, set()
        for start, end, _rule, _msg in found:
            parts = capitalised_tokens(text, start, end)
            for word, _s, _e in parts:
                if len(word) >= 3 and word not in NOT_NAMES:
                    known[word] = word in wordlike
                    if len(parts) > 1:
                        in_full_name.add(word)
        covered = covers([(s, e) for s, e, _r, _m in found])
        for word, start, end in every if known else ():
            if word not in known or covered(start):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "-"):
                continue
            after = text[end : end + 40]
            if EPONYM_AFTER.match(after) or place_word_follows(after):
                continue
            if (
                known[word]
                and at_sentence_start(text[max(0, start - 60) : start])
                and not PERSON_AFTER.match(text, end)
                and not (word in in_full_name and text[end : end + 1] == ",")
            ):
                continue  # "Hope is...", but "Dale, if you read this" after "Dale Henninger"
            found.append((start, end, "name.repeat",
                              "Repeats a name found elsewhere in this text."))  # fmt: skip

        for start, end, rule_id, message in found:
            severity = REVIEW
            yield Finding("name", start, end, severity, rule_id, message, "[name]")

    def _classify(self, doc, tokens, before, *, firsts, lasts, wordlike):
        """How many of ``tokens`` form a name, with the rule that says so, or None."""
        word, _first_start, first_end = tokens[0]
        after = doc.text[first_end : first_end + 40]
        if word.isupper() and 2 <= len(word) <= 3 and word not in NOT_NAMES:
            words = prev_words(before)
            if len(words) > 1 and (clean(words[-2]), clean(words[-1])) in NICKNAMED:
                return 1, "name.context", "A nickname the author introduces."
            return None
        if not is_titlecase(word) or word in TITLES or word.rstrip(".") in TITLES:
            return None
        if word in EPONYMS or EPONYM_AFTER.match(after):
            return None
        if word in NOT_NAMES or CONTRACTION.search(word):
            return None

        org = org_follows(tokens)
        words = prev_words(before)
        if _pet_before(words):
            return None  # "our golden retriever Rufus", "the parrot is called Winston"
        if len(word) <= 4 and word[:1].isupper() and any(ch.isupper() for ch in word[1:]):
            return None  # "IgA nephropathy", "PhD": capitals inside a short word
        if len(tokens) == 1 and words and clean(words[-1]) in ("a", "an"):
            if not RELATION_AFTER.match(doc.text, first_end) and not _PERSON_AFTER_A.match(
                doc.text, first_end
            ):
                return None  # "asking for a Milo", "an Anzac": a thing, not a person
        if (
            len(tokens) == 1
            and word in place_names()
            and _PLACE_ADJECTIVE.match(doc.text, first_end)
            and words
            and words[-1][-1:] not in ".!?,;:"
            and any(clean(w) in ("the", "a", "an", "this", "that") for w in words[-2:])
        ):
            return None  # "the dry Alberta winter", "a Georgia peach": a place's
        if (
            words
            and clean(words[-1]).lower() in _NAMED_PLACE_BEFORE
            and _NAMED_PLACE_AFTER.match(doc.text, first_end)
        ):
            return None  # "the Edith Cavell ward", "on Florence ward"
        if words and words[-1] in ("St.", "St", "Saint", "Ste.", "San", "Santa"):
            return None  # St. Luke's, Saint Jude: a church, a hospital, a place
        if len(words) > 1 and words[-1] in ("de", "of") and words[-2] in DEVOTIONS:
            return None  # the Virgen de Guadalupe, Our Lady of Lourdes
        if state_after().match(doc.text, first_end):
            return None  # Tyler, Texas
        title = title_before(words)
        if title:
            if word.lower() in RELATION_WORDS or word in ROLE_WORDS:
                return None  # "Nurse Practitioner Kim": the name starts later
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            if title in PATIENT_TITLE_STEMS:
                return count, "name.courtesy_title", "A title (Mr., Mrs., Ms.) followed by a name."
            return count, "name.title", "A title such as Dr. followed by a name."
        if org:
            return None
        if relation_before(words) or (intro_before(words) and not _BULLET.search(before)):
            if word in MONTHS and (word not in firsts or re.match(r"[^\S\n]*(?:\d|of\b)", after)):
                return None
            if not self._plausible_unknown(word) and word not in MONTHS:
                return None
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            return count, "name.context", "A name introduced by a relation or an introduction."
        if RELATION_AFTER.match(doc.text, first_end) and self._plausible_unknown(word):
            return 1, "name.context", "A name followed by who the person is to the author."
        bare = RELATION_AFTER_BARE.match(doc.text, first_end)
        if (
            bare
            and (bare.group().lstrip().startswith("(") or word not in _VERB_LIKE)
            and (word in firsts or word in WORD_NAMES_PEOPLE or self._unknown_word(word))
            and word not in MONTHS
            and word not in HOLIDAYS
            and not (words and clean(words[-1]) in _PREPOSITIONS)
        ):  # not "On Eid my father was discharged"
            return 1, "name.context", "A name followed by who the person is to the author."
        if (
            len(words) > 1
            and clean(words[-2]) == "there"
            and clean(words[-1]) in ("was", "were", "is")
            and _WHO_AFTER.match(doc.text, first_end)
            and (word in firsts or word in WORD_NAMES_PEOPLE or self._unknown_word(word)
                 or word in GIVEN_WORD_NAMES)
        ):  # fmt: skip
            return 1, "name.context", 'A name in "there was X, who".'
        if (
            _AND_THE_GROUP.match(after)
            and (word in firsts or word in WORD_NAMES_PEOPLE or self._unknown_word(word))
            and not (words and clean(words[-1]) in _PREPOSITIONS)
        ):
            return 1, "name.context", 'A name before "and the kids", "and the team".'
        if _WHO_CLAUSE.match(after) and (word in firsts or self._unknown_word(word)):
            if word not in wordlike and word not in place_names() and word not in MONTHS:
                return (
                    self._extent(tokens, firsts, lasts, wordlike, strict=False),
                    ("name.context"),
                    'A name set off before "who": "Asif, who can fix the phones".',
                )
        if AND_I_AFTER.match(after) and (
            word in firsts
            or word in WORD_NAMES_PEOPLE
            or (self._unknown_word(word) and not place_before(words) and word[-1] != "s")
        ):  # not "in the queue at Bunnings and I sat down": a shop
            return 1, "name.context", 'A name in "X and I".'
        if (
            len(words) > 1
            and clean(words[-1]) == "and"
            and words[-2] in ("Me", "me")
            and (word in firsts or word in WORD_NAMES_PEOPLE or self._unknown_word(word))
        ):
            return 1, "name.context", 'A name in "me and X".'
        if (
            appositive(words, after)
            and (word in firsts or word.lower() not in dictionary_words())
            and word not in wordlike
            and word not in place_names()
            and self._plausible_unknown(word)
        ):
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            return count, "name.context", "A name set off after who the person is."
        if self_intro_before(words) and word not in wordlike and word not in MONTHS:
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            unknown = word.lower() not in dictionary_words() and word not in place_names()
            if word in firsts or count > 1 or (unknown and after[:1] in (",", ".", "!")):
                return count, "name.context", "A name the author introduces."

        if word not in PLACE_WORDS:
            count = self._extent(tokens, firsts, lasts, wordlike, strict=False)
            places = place_names()
            if (count > 1 and tokens[1][0] not in places) or (
                word not in places and (word in firsts or word.lower() not in dictionary_words())
            ):
                if AGE_APPOSITION.match(doc.text, tokens[count - 1][2]):
                    return count, "name.context", "A name followed by the person's age."

        at_start = at_sentence_start(before)
        if at_start and word in LEADING_WORDS and word not in firsts:
            return None
        if word == "Will" and _WILL_DID.match(after):
            return 1, "name.context", 'A name that is also a word, used of a person ("Will came").'
        if word in GIVEN_WORD_NAMES and word not in firsts:
            # "Dot rang", "Sky wept": a word that is a name only when it does what only people do
            end = tokens[0][2]
            if PERSON_SPEAKS_AFTER.match(doc.text, end):
                return 1, "name.context", "A name that is also a word, used of a person here."
            return None
        if word in firsts:
            if word in MONTHS:
                return None
            follows = tokens[1] if len(tokens) > 1 else None
            surname_follows = (
                follows is not None
                and (follows[0] in lasts or follows[0] in firsts)
                and follows[0] not in PLACE_WORDS
                and follows[0] not in NOT_NAMES
            )
            if place_word_follows(doc.text[first_end : first_end + 40]) and not surname_follows:
                return None
            if word in wordlike:
                if word not in MONTHS and self._word_name_is_person(doc, tokens, words, at_start):
                    return 1, "name.context", "A name that is also a word, used of a person here."
                if surname_follows and follows[0] not in wordlike:
                    return (
                        self._extent(tokens, firsts, lasts, wordlike),
                        "name.lexicon",
                        self.message,
                    )
                if not at_start and word not in MONTHS and word in WORD_NAMES_PEOPLE:
                    return 1, "name.lexicon", self.message
                if AND_I_AFTER.match(after):
                    return 1, "name.lexicon", self.message
                return None
            if place_before(words) and word in place_names() and not surname_follows:
                if not _FAMILY_OWNED.match(doc.text, first_end):
                    return None  # but "all of Stuart's family"
            return self._extent(tokens, firsts, lasts, wordlike), "name.lexicon", self.message
        if (
            word not in lasts
            and word.lower() not in dictionary_words()
            and PERSON_VERB_AFTER.match(doc.text, first_end)
            and word not in place_names()
        ):
            return 1, "name.subject", "A word that is not in the dictionary, doing what people do."
        return self._unlisted(doc.text, tokens, words, lasts, wordlike)

    def _unlisted(self, doc_text, tokens, words, lasts, wordlike):
        """Names no list knows, found by their shape."""
        word = tokens[0][0]
        dictionary = dictionary_words()
        places = place_names()
        # "the Hendersons", "the Kowalskis": a family by its surname.
        if len(tokens) == 1 and word.endswith("s") and words and clean(words[-1]) == "the":
            stem = word[:-2] if word.endswith("es") and word[:-2] in lasts else word[:-1]
            if (
                stem in lasts
                and stem.lower() not in dictionary
                and stem not in state_names()
                and word not in places
                and stem not in wordlike
                and (
                    FAMILY_DOES.match(doc_text, tokens[0][2])
                    or (len(words) > 1 and clean(words[-2]).rstrip("s") in RELATION_WORDS)
                )
            ):
                return 1, "name.family", "A family called by its surname."
        if len(tokens) < 2:
            return None
        run = []
        for token in tokens[:4]:
            part = token[0]
            if (
                not is_plain_capitalised(part)
                or part in NOT_NAMES
                or part in PLACE_WORDS
                or part in TITLES
                or part in MONTHS
                or part in EPONYMS
                or part in places
            ):
                break
            run.append(part)
        if len(run) < 2:
            return None
        # "Trịnh Công Sơn", "Zofia Wójcik": capitalised words with letters English lacks.
        if any(not part.isascii() for part in run):
            return len(run), "name.script", "Capitalised words that read as a non-English name."
        # "Atul Gawande": two words no dictionary knows, one after the other.
        pair = run[:2]
        if any(CONTRACTION.search(part) for part in pair):
            return None  # "Things I've learned": a contraction is no name
        if all(part.lower() not in dictionary and part not in wordlike for part in pair) and (
            len(pair[0]) > 2 and len(pair[1]) > 2
        ):
            return 2, "name.unlisted", "Two capitalised words no dictionary knows: likely a name."
        return None

    @staticmethod
    def _word_name_is_person(doc, tokens, words, at_start) -> bool:
        """Whether a first name that is also a word ("Faith", "Summer") is a person here."""
        end = tokens[0][2]
        text = doc.text
        if PERSON_AFTER.match(text, end) and not text[end : end + 3].startswith(" is"):
            return True
        if text[end : end + 2] in ("'s", "’s") and _OWNED.match(text, end + 2):
            return True  # "Hope's first birthday", "Grace's mum": a person's
        if at_start:
            return False
        # "Summer and Hunter", "Hope and Mason": a list of people.
        partner = AND_NAME.match(text, end)
        if partner and partner.group(1) in first_names() and partner.group(1) not in SEASONS:
            if tokens[0][0] not in SEASONS or partner.group(1) not in common_word_names():
                return True
        if words and clean(words[-1]) in PERSON_OBJECT_VERBS and words[-1][-1:] not in ",;:":
            return clean(words[-1]) not in ("for", "to", "with") or len(tokens) == 1
        # "Summer's room", a vocative "Thanks, Summer!" or "Hang in there, Hunter."
        if text[end : end + 2] in ("'s", "’s"):
            return True
        return bool(words and words[-1].endswith(",") and re.match(r"[!?.]|\s*$", text[end:]))

    @staticmethod
    def _unknown_word(word: str) -> bool:
        """A capitalised word no English, place or holiday list knows ("Emre", "Tash")."""
        return (
            len(word) >= 3
            and word.lower() not in dictionary_words()
            and word not in place_names()
            and word not in HOLIDAYS
            and word not in PLACE_WORDS
            and word not in MONTHS
        )

    @staticmethod
    def _plausible_unknown(word: str) -> bool:
        return word not in PLACE_WORDS and word not in MONTHS and len(word) >= 2

    @staticmethod
    def _extent(tokens, firsts, lasts, wordlike, *, strict=True) -> int:
        """The first token plus the surname-like tokens that follow it (at most four)."""
        count = 1
        for token in tokens[1:4]:
            word = token[0]
            if word in PLACE_WORDS or word in NOT_NAMES or word in MONTHS or word in TITLES:
                break
            if not is_titlecase(word):
                break
            if strict and word in wordlike and word not in lasts:
                break
            count += 1
        return count
