"""Fictional stories for the demo site. Any resemblance to real people is accidental."""

TOPICS = [
    "Cancer care",
    "Heart health",
    "Surgery",
    "Mental health",
    "Caregiving",
    "Children's health",
    "Working in health care",
    "Rehabilitation",
]

STORIES = [
    {
        "slug": "learning-to-walk-twice",
        "title": "Learning to walk twice",
        "role": "patient",
        "name": "Marisol",
        "topics": ["Surgery", "Rehabilitation"],
        "summary": "After a knee replacement, the hardest part was trusting my own leg again.",
        "body": (
            "Nobody warned me that the hardest part of a knee replacement would be trusting "
            "my own leg again. The surgery itself was a blur. The first morning afterwards, "
            "a physical therapist stood beside the bed and asked me to stand, and I laughed "
            "because I thought she was joking.\n\n"
            "She was not joking. I stood, I wobbled, I sat back down, and I cried a little. "
            "By the third day I was walking the hallway with a frame and counting the doors.\n\n"
            "Months later I still count doors sometimes, but now it is on the way to the "
            "garden. If you are about to have the same operation: do the exercises, even the "
            "boring ones. They are what gave me my walks back."
        ),
    },
    {
        "slug": "the-night-shift-that-stayed-with-me",
        "title": "The night shift that stayed with me",
        "role": "employee",
        "name": "",
        "topics": ["Working in health care"],
        "summary": "A nurse on what the quiet hours of a night shift teach you.",
        "body": (
            "Night shifts have their own weather. Around three in the morning the unit "
            "goes quiet, the monitors settle into a rhythm, and people say things they "
            "would never say at noon.\n\n"
            "I have learned to leave a little room in those hours. To sit for a minute "
            "longer. To ask how someone is really doing and wait for the second answer, "
            "the true one.\n\n"
            "New colleagues often ask me how I keep going. I tell them that you do not "
            "carry everything home. You carry the moments that made the work worth it, and "
            "you let the rest go at handover."
        ),
    },
    {
        "slug": "my-fathers-last-summer",
        "title": "My father's last summer",
        "role": "family",
        "name": "Daniel K.",
        "topics": ["Caregiving", "Cancer care"],
        "summary": "What the palliative care team gave our family was time that felt like ours.",
        "body": (
            "When my father chose to stop treatment, I was angry for about a week. Then the "
            "palliative care team came to the house, and they asked him what mattered to "
            "him. Nobody had asked him that in a long time.\n\n"
            "He wanted to sit on the porch in the evenings and listen to baseball on the "
            "radio. So that is what we did, nearly every evening of that summer.\n\n"
            "I am grateful to the nurses who answered the phone at any hour, and who "
            "treated my questions as if they were the first questions anyone had ever asked."
        ),
    },
    {
        "slug": "a-heart-that-skips",
        "title": "A heart that skips",
        "role": "patient",
        "name": "",
        "topics": ["Heart health"],
        "summary": "Living with an irregular heartbeat, and learning what is worth worrying about.",
        "body": (
            "The first time my heart skipped, I thought I was dying. The tenth time, I "
            "started keeping a notebook.\n\n"
            "My cardiology team went through that notebook with me page by page. They "
            "explained which feelings were harmless and which meant I should call. That "
            "explanation did more for my sleep than anything else.\n\n"
            "I still feel the skips. I just don't panic about them anymore."
        ),
    },
    {
        "slug": "what-the-waiting-room-taught-me",
        "title": "What the waiting room taught me",
        "role": "family",
        "name": "Priya",
        "topics": ["Children's health", "Caregiving"],
        "summary": "Six weeks in a children's hospital, and the parents who held each other up.",
        "body": (
            "We spent six weeks in the children's hospital while our son recovered from "
            "surgery. I learned the names of the vending machines' broken buttons and the "
            "best chair for sleeping sitting up.\n\n"
            "Mostly I learned that the other parents in the waiting room were a kind of "
            "family. We brought each other coffee. We watched each other's bags. We did not "
            "ask too many questions.\n\n"
            "Our son is home now and plays football on Saturdays. I think about those "
            "parents every time I see him run."
        ),
    },
    {
        "slug": "asking-for-help-was-the-treatment",
        "title": "Asking for help was the treatment",
        "role": "patient",
        "name": "",
        "topics": ["Mental health"],
        "summary": "It took me two years to tell my doctor how I was really feeling.",
        "body": (
            "For two years I told everyone I was tired. Tired was easier to say than the "
            "truth, which was that I had stopped enjoying anything at all.\n\n"
            "When I finally said it out loud at a routine appointment, my doctor put down "
            "her pen and listened. She connected me with a counsellor the same week.\n\n"
            "Recovery has not been a straight line. But it started with one sentence, and "
            "I'm writing this in case someone reading needs to hear that saying it is "
            "allowed."
        ),
    },
    {
        "slug": "the-volunteer-with-the-book-cart",
        "title": "The volunteer with the book cart",
        "role": "employee",
        "name": "Walt",
        "topics": ["Working in health care"],
        "summary": "Twelve years of pushing a book cart through the wards.",
        "body": (
            "I started volunteering after I retired, pushing a cart of paperbacks and "
            "puzzle books from ward to ward. I thought I was delivering books.\n\n"
            "It turns out I was delivering conversation. People in hospital beds want to "
            "talk about anything other than why they are in a hospital bed: westerns, "
            "gardening, the weather, the crossword.\n\n"
            "Twelve years on, the cart squeaks in the same place, and I still look forward "
            "to every Tuesday."
        ),
    },
    {
        "slug": "chemo-days",
        "title": "Chemo days",
        "role": "patient",
        "name": "Ruth",
        "topics": ["Cancer care"],
        "summary": "The small rituals that got me through six months of infusions.",
        "body": (
            "Every other Thursday for six months, I packed the same bag: a blanket, "
            "ginger sweets, a book I never read, and headphones.\n\n"
            "The infusion nurses learned my rituals. They saved me the chair by the window. "
            "They laughed at my terrible jokes, which on chemo days were even worse than "
            "usual.\n\n"
            "I rang the bell at the end, and I cried, and so did one of the nurses. I will "
            "never forget that she cried too."
        ),
    },
    {
        "slug": "caring-for-mum-from-a-distance",
        "title": "Caring for Mum from a distance",
        "role": "family",
        "name": "",
        "topics": ["Caregiving"],
        "summary": "Being a caregiver when you live four hours away.",
        "body": (
            "My mother lives four hours from me. When her memory started to slip, I became "
            "a caregiver by phone, by calendar and by long drives on Friday nights.\n\n"
            "The social worker at her clinic helped me set up a shared calendar with my "
            "brother and a neighbour. It sounds small. It changed everything.\n\n"
            "If you are doing this from far away: you are still a caregiver. Ask the care "
            "team what help exists. There was more than I knew."
        ),
    },
    {
        "slug": "back-on-the-bike",
        "title": "Back on the bike",
        "role": "patient",
        "name": "Tomasz",
        "topics": ["Heart health", "Rehabilitation"],
        "summary": "Cardiac rehab turned a frightened man into a cyclist again.",
        "body": (
            "After my heart attack I was afraid of my own pulse. Cardiac rehab started with "
            "ten minutes on a stationary bike while a nurse watched the monitor.\n\n"
            "Each week the minutes went up and the fear went down. The group helped: we "
            "compared notes and teased each other about who was slowest.\n\n"
            "Last month I rode to the coast and back. Slowly. Very happily."
        ),
    },
    {
        "slug": "interpreting-more-than-words",
        "title": "Interpreting more than words",
        "role": "employee",
        "name": "",
        "topics": ["Working in health care"],
        "summary": "A medical interpreter on carrying meaning, not just language.",
        "body": (
            "As a medical interpreter I am supposed to be invisible. I say what the doctor "
            "says in one language and what the family says in the other.\n\n"
            "But meaning lives in more than words. A pause, a look between a mother and a "
            "daughter, a question asked three times because the answer was hard to hear.\n\n"
            "The best clinicians I work with slow down when they see that look. They ask "
            "again. That is when care crosses the language gap."
        ),
    },
    {
        "slug": "small-steps-big-days",
        "title": "Small steps, big days",
        "role": "family",
        "name": "Grace",
        "topics": ["Children's health", "Rehabilitation"],
        "summary": "Our daughter's therapy team celebrated every tiny victory with us.",
        "body": (
            "Our daughter was born early and has needed physical therapy for most of her "
            "life. Progress is measured in very small steps.\n\n"
            "Her therapists celebrate every one of them. A first roll. A first crawl. The "
            "day she pulled herself up on the sofa, we sent them a video and they replied "
            "with a row of exclamation marks.\n\n"
            "She walks now, with braces. Every step she takes has a crowd of people behind it."
        ),
    },
]
