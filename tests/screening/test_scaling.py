"""The screen's work grows in proportion to the text, never with its square: a
long story cannot stall the site (20,000 characters of one sentence once took 20 s).

A ratio of times, each the best of several runs, so that the machine's speed and
load cancel out: four times the text may take at most ten times as long
(a quadratic screen takes about sixteen)."""

import time

import pytest

from screening import screen

SENTENCES = {
    "crisis": "I feel like I want to die sometimes but the nurses help. ",
    "names": "Maria Lopez and Dr Okafor visited me on Ward 7B, ",
    "numbers": "call 612 555 0187 or 4471902 ",
    "capitals": "THE NURSES WERE KIND TO US ",
    "plain": "the nurses on the night shift were kind to me and my daughter ",
}


def best_times(*texts, runs=7):
    """The best time of each text, the texts screened in turn so that a burst of
    load on the machine falls on all of them alike."""
    best = [float("inf")] * len(texts)
    for _ in range(runs):
        for index, text in enumerate(texts):
            start = time.perf_counter()
            screen(text, kind="story")
            best[index] = min(best[index], time.perf_counter() - start)
    return best


@pytest.mark.parametrize("kind", sorted(SENTENCES))
def test_screening_time_grows_linearly_with_the_text(kind):
    sentence = SENTENCES[kind]
    screen(sentence, kind="story")  # the word lists load once, outside the timing
    short = (sentence * (10_000 // len(sentence) + 1))[:10_000]
    long = (sentence * (40_000 // len(sentence) + 1))[:40_000]

    short_time, long_time = best_times(short, long)
    ratio = long_time / max(short_time, 1e-4)

    assert ratio < 10, f"{kind}: 4x the text took {ratio:.1f}x the time"
