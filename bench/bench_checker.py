"""Benchmark: how long ``easyread.checker.check`` takes on a 2,000-word briefing.

Not a pytest test (timings on shared machines are noisy); run it by hand or in CI:

    .venv/bin/python bench/bench_checker.py            # 200 runs, standard level
    .venv/bin/python bench/bench_checker.py --runs 500 --level easy

It builds a realistic commissioning briefing (text written for this benchmark,
full of the jargon, initials and long sentences the checker exists to catch),
warms up once (loading the glossary, word-frequency data and caches), then
times ``check()`` and prints the median and 95th percentile in milliseconds.
Exit code 1 if the median is over the budget (50 ms), so CI can catch slowdowns.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from easyread.checker import check  # noqa: E402

BUDGET_MS = 50.0

SECTIONS = [
    (
        "Why we are writing",
        """The integrated care board (ICB) and the council are reviewing how day
opportunities for adults with a learning disability are commissioned across the borough.
We want to hear from people who use these services, their families and unpaid carers
before any decision is made. This briefing explains what is happening, what might change
and how you can have your say.

In order to utilise the budget more effectively going forward, commissioners have been
asked to look again at the current block contracts, which were last tendered in 2019 and
which end in March. The Joint Strategic Needs Assessment (JSNA) shows that demand for day
services has grown by 18% since then, while the number of providers has fallen.""",
    ),
    (
        "What we found",
        """Last year 412 people used a council-funded day service. Around 60% of them
also received domiciliary care at home, and about a quarter had a personal budget or a
direct payment. Most people told us they valued the friendships they made, the chance to
get out of the house and the break it gave their carers.

However, some people said the centres felt like places where things were done to them
rather than with them. A number of families told us that transport was unreliable and that
they did not always know who to contact when something went wrong. Several people said
they would prefer activities in ordinary community places, such as libraries, leisure
centres and cafes, rather than in a building only used by disabled people.

We also found that the cost of a day at a centre varies a lot between providers, from
£48 to £112, and that it is not always clear what the difference in price pays for. The
KPIs in the current contracts count attendance but say very little about outcomes, so we
cannot easily tell which services make the biggest difference to people's lives.""",
    ),
    (
        "What might change",
        """We are considering three options. The first is to keep the current
arrangements and extend the existing contracts for another two years while we carry out
a fuller review. The second is to move to a framework agreement, so that more providers,
including smaller community groups and social enterprises, can offer activities and people
can choose between them using their personal budget. The third is a mix of the two, with
a smaller core service in two buildings and a wider range of activities in the community.

Each option has risks. A framework could give people more choice and control, but it could
also mean that some people lose contact with friends if their group closes. Keeping the
current model would be more stable in the short term but would not address the concerns
people raised about transport, choice and value for money. An equality impact assessment
will be completed for each option before the cabinet makes a decision.""",
    ),
    (
        "Money",
        """The budget for day opportunities this year is £3.2 million, which is part of the
pooled budget held under a section 75 agreement between the council and the NHS. There is
an expected overspend of £240,000 because more people are eligible for support and
because providers asked for higher fees to cover the national living wage. No savings
target has been set for this review, but the council's medium-term financial plan assumes
efficiency savings across adult social care of around 3% a year.

We know that people worry that reviews are a way of cutting services. We want to be clear
that nobody will lose their support as a result of this review without a new assessment
of their needs, and that any changes will be planned with each person and their family.""",
    ),
    (
        "How the decision will be made",
        """The proposals will be discussed at the learning disability partnership board in
June and at the health and wellbeing board in July. The council's scrutiny committee may
also ask to look at them. The final decision will be taken by the cabinet member for adult
social care in September, taking into account the consultation responses, the equality
impact assessment and the advice of officers.

If the decision is to go out to tender, the procurement will follow the council's contract
procedure rules and the new Provider Selection Regime where health services are included.
There will be a mobilisation period of at least three months before any new service starts,
and staff who move to a new provider will be protected under TUPE.""",
    ),
    (
        "Having your say",
        """You can tell us what you think in several ways. You can fill in the online survey,
come to one of our drop-in sessions at the three day centres, or ask for a paper or
easy-read copy of the questions. Click here to fill in the survey. If you need an advocate
to help you take part, the council will arrange one for you at no cost.

We will hold two online meetings in the evening for family carers who work during the day.
British Sign Language interpreters will be at the sessions on 14/05/2026 and at the evening
meeting on 21 May at 18:30. Please let us know in advance if you need any other reasonable
adjustments, such as a hearing loop or a quiet room.

The consultation closes on Friday 26 June. We will publish a summary of what people told us,
and what we did about it, within eight weeks of the closing date.""",
    ),
    (
        "Working together",
        """We want the new service to be co-produced with the people who use it. A
co-production group of people with lived experience, family carers, providers and staff
will meet every month from July to help write the service specification and to take part
in choosing providers. Members of the group will be paid for their time in line with the
council's involvement policy, and we will provide support to help everyone take part on
an equal footing.

We also want to build on the strengths of local communities. Some of the best examples we
heard about were small groups run by volunteers: a gardening club, a walking group and a
community cafe where people with a learning disability work alongside other volunteers. We
would like to find ways to support groups like these without burying them in paperwork.""",
    ),
    (
        "What happens to people who already use day services",
        """Nothing will change for anyone before the end of the current contracts. If the
service you use is affected by the decision, a social worker or a care coordinator will
talk with you about what matters to you, and your care and support plan will be updated.
You will not be asked to move to a different service without a review, and you can ask for
an independent advocate to be involved in any conversation about changes to your support.

If you are worried about safeguarding, or think someone is at risk of harm, please contact
the adult social care front door straight away. Do not wait for the consultation.""",
    ),
    (
        "Questions people have asked",
        """Will the buildings close? No decision has been made. Under one of the options two
of the four buildings would no longer be used for day services, but they might still be
used for other community activities.

Will I have to pay more? Charges for day services are worked out through a financial
assessment, and the review does not change the charging policy. If your support changes,
your financial assessment will be looked at again.

Can I keep going with my friends? Keeping friendships is one of the things people told us
matters most. We will ask every provider to show how they will help people stay in touch
with the people who matter to them, and we will include this in the outcomes we measure.""",
    ),
    (
        "Who to contact",
        """If you have questions about this briefing, please email the commissioning team at
daysupport@example.org or phone 0100 000 0000 between 9am and 5pm on weekdays. You can also
ask a member of staff at your day centre to pass on your views. Healthwatch and the local
carers' centre can help you take part if you would like some support.

Thank you for reading this briefing. We know that changes to services people rely on can be
worrying, and we are grateful to everyone who has already shared their experiences with us.""",
    ),
]


def briefing(target_words: int = 2000) -> str:
    """The sections above, repeated as a longer update series until about target_words."""
    parts: list[str] = []
    count = 0
    round_number = 0
    while count < target_words:
        round_number += 1
        for title, body in SECTIONS:
            heading = f"## {title}" + (f" (update {round_number})" if round_number > 1 else "")
            parts += [heading, body]
            count += len(body.split()) + len(heading.split())
            if count >= target_words:
                break
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--level", choices=("standard", "easy"), default="standard")
    args = parser.parse_args(argv)

    text = briefing(args.words)
    report = check(text, level=args.level)  # warm-up: loads glossary, word data, caches
    timings = []
    for _ in range(args.runs):
        started = time.perf_counter()
        check(text, level=args.level)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    print(
        f"{report.summary['words']} words, {len(report.findings)} findings, level {args.level}, "
        f"{args.runs} runs: median {median:.1f} ms, p95 {p95:.1f} ms (budget {BUDGET_MS:.0f} ms)"
    )
    return 0 if median <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
