"""Promotion: advertising and selling, scored from strong and weak cues."""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Document, Rule
from ..findings import REVIEW
from ..lazy import compile_later

__all__ = ["PromotionRule"]

_PROMO_STRONG = compile_later(
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
    r"|\bbook\s+(?:at|online\s+at|through)\b|\bavailable\s+24/7\b"
    r"|\b(?:orders|sales|shop|store|bookings)@|\b(?:all|any)\s+sizes\b|\bmade\s+to\s+order\b"
    r"|\b(?:taking|custom)\s+orders\b|\bback\s+in\s+stock\b",
)
# A price by the hour or the session: "$28 an hour" (a parking fee has one too).
_PROMO_RATE = compile_later(
    r"\$\s?\d+(?:\.\d\d)?\s*(?:an|a|per|/)\s*(?:hour|hr|session|visit|month|week|class|day)\b"
)
_PROMO_CONTACT = compile_later(
    r"\b(?:text|call|email|e-mail|dm|message|contact)\s+(?:(?:me|us|\w+)\s+)?(?:at|on)\s+[\w(+]"
    r"|\b(?:text|call)\s+\(?\d"
)
_PROMO_WEAK = compile_later(
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
    "business opportunity pm hear learn find available orders sales bookings sizes made taking "
    "custom stock".split()
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
