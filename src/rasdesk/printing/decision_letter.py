"""The decision letter: the final personal budget, the reasons, the support plan and its
cost, the indicative amount with its working (as the assessment letter shows it), what
happens next and how to challenge. Composed as a ``Document`` like the assessment letter,
so every renderer says the same words; ``letter_for_decision`` reads it from the store.
In one language, or two (``compose_decision_bilingual``: every section in Welsh, then the
same section in English, each marked with its language for the accessible copy). A
format-2 case's decision is on the council's part of its indicative budget: the letter
says so and names each other funder's part, unchanged (docs/ruleset-v2.md §5).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from rasdesk.decision.record import Section as PlanSection
from rasdesk.domain.decimals import CENT, plain
from rasdesk.domain.errors import InputError
from rasdesk.domain.explain_steps import money_text
from rasdesk.printing.blocks import Block, Callout, Document, Heading, Para, Section, Table
from rasdesk.printing.compose import sections, sentences
from rasdesk.printing.decision_words import WORDS
from rasdesk.printing.letter import Letter
from rasdesk.printing.words import WORDS as LETTER_WORDS
from rasdesk.printing.words import long_date


def pence(value: Decimal) -> str:
    """Money as people read it: to the penny, thousands separated (exact values stay in JSON)."""
    return money_text(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _by(by: str, role: str, lang: str) -> str:
    return (
        by
        if role != "panel" or by.casefold() != "resource allocation panel"
        else WORDS[lang]["panel"]
    )


def compose_decision(letter: Letter, sec: PlanSection, style: str) -> Document:
    """The decision letter in ``style`` (standard, large or easy)."""
    if sec.decision is None:
        raise InputError("this case has no decision yet: record it first (rasdesk case decide)")
    w, lang, easy = WORDS[letter.lang], letter.lang, style == "easy"
    e = ".easy" if easy else ""
    title = w[f"title{e}"]
    doc = Document(
        title=f"{title} — {letter.person.get('name', '')}",
        lang=lang,
        author=letter.council,
        style=style,
        draft=(),  # a decision is never a draft
        page=LETTER_WORDS[lang]["page.easy" if easy else "page"],
    )
    base = {s.key: s for s in sections(letter, style)}
    head = Section("head", lang, [Para(letter.council, lang, "council"), Heading(title, lang, 1)])
    doc.sections = [
        head,
        base["details"],
        Section("decision", lang, [_decided(sec, lang, easy)]),
        Section("reasons", lang, _reasons(sec, lang, easy)),
        Section("plan", lang, _plan(sec, lang, easy)),
        Section(
            "indicative",
            lang,
            [
                Heading(w[f"indicative{e}"], lang, 2),
                *base["summary"].blocks,
                *base["how"].blocks[1:],
            ],
        ),
        _closing("next", lang, easy),
        _closing("challenge", lang, easy),
        base["reproduce"],
    ]
    return doc


def compose_decision_bilingual(
    first: Letter, second: Letter, sec: PlanSection, style: str
) -> Document:
    """One decision letter in two languages (``first`` is Welsh): each section whole in
    ``first``'s language, then the same section whole in ``second``'s."""
    one, two = compose_decision(first, sec, style), compose_decision(second, sec, style)
    e = ".easy" if style == "easy" else ""
    doc = Document(
        title=f"{WORDS[first.lang][f'title{e}']} / {WORDS[second.lang][f'title{e}']} — "
        f"{first.person.get('name', '')}",
        lang=first.lang,
        author=first.council,
        style=style,
        draft=(),
        page=f"{one.page} / {two.page}",
    )
    for a, b in zip(one.sections, two.sections, strict=True):
        doc.sections += [a, b]
    return doc


def _closing(key: str, lang: str, easy: bool) -> Section:
    w = WORDS[lang]
    blocks: list[Block] = [Heading(w[f"{key}.easy" if easy else key], lang, 2)]
    blocks += [Para(w[f"{key}.easy_{n}" if easy else f"{key}_{n}"], lang) for n in (1, 2, 3)]
    return Section(key, lang, blocks)


def _decided(sec: PlanSection, lang: str, easy: bool) -> Callout:
    w, d = WORDS[lang], sec.decision
    assert d is not None
    per = w["week.easy" if easy and d.period == "week" else d.period]
    if d.period == "one_off":  # "£350.00 as a one-off payment", not "£350.00 once"
        per = _once(sec, lang)
    by, date = _by(d.by, d.by_role, lang), long_date(d.decided_on, lang)
    difference = d.final - sec.indicative.amount
    direction = "same" if difference == 0 else "above" if difference > 0 else "below"
    percent = (
        (abs(difference) * 100 / sec.indicative.amount).quantize(Decimal("0.1"))
        if sec.indicative.amount
        else Decimal(0)
    )
    values = {
        "final": pence(d.final),
        "per": per,
        "by": by,
        "date": date,
        "indicative": pence(sec.indicative.amount),
        "difference": pence(abs(difference)),
        "percent": plain(percent),
    }
    if easy:  # where "decided_by.easy" starts with who decided (English): a capital letter
        if w["decided_by.easy"].startswith("{by}"):
            values["by"] = by[:1].upper() + by[1:]
        lines = [w["decided.easy"], w["decided_by.easy"], w[f"against_{direction}.easy"]]
    else:
        one_off = ".one_off" if d.period == "one_off" and direction != "same" else ""
        lines = [w["decided"], w[f"against_{direction}{one_off}"]]
    paras = [
        Para(line.format(**values), lang, "summary" if i == 0 else "strong")
        for i, line in enumerate(lines)
    ]
    paras += [Para(line, lang) for line in _council_part(sec, lang, easy, per)]
    return Callout(tuple(paras))


def _once(sec: PlanSection, lang: str) -> str:
    """A one-off amount's words: "as a one-off payment", with what it covers when the
    ruleset says ("(for the next 12 months)")."""
    w, covers = WORDS[lang], sec.indicative.covers_in(lang)
    per = w["one_off.amount"]
    return per if covers is None else w["per_covers"].format(per=per, covers=covers)


def _council_part(sec: PlanSection, lang: str, easy: bool, per: str) -> list[str]:
    """Format 2 (docs/ruleset-v2.md §5): the figure decided on is the council's part of the
    indicative budget; each other funder's part is said apart, unchanged by the decision."""
    ind = sec.indicative
    if ind.amount_id is None:
        return []
    w, e = WORDS[lang], ".easy" if easy else ""
    return [
        w[f"council_part{e}"],
        *(
            w[f"other_part{e}"].format(
                funder=w.get(f"funder.{p.funder}", w["funder.other"]),
                amount=pence(p.amount),
                per=per,
            )
            for p in ind.other_parts
        ),
    ]


def _reasons(sec: PlanSection, lang: str, easy: bool) -> list[Block]:
    w, d = WORDS[lang], sec.decision
    assert d is not None
    out: list[Block] = [Heading(w["reasons.easy" if easy else "reasons"], lang, 2)]
    if not d.reasons:
        return [*out, Para(w["no_reasons"], lang)]
    by = _by(d.by, d.by_role, lang)
    out.append(Para(w["reasons_intro.easy" if easy else "reasons_intro"].format(by=by), lang))
    for part in d.reasons.split("\n"):
        if part.strip():  # the decision-maker's own words, in the language they wrote them
            out += [Para(s, lang) for s in (sentences(part) if easy else [part.strip()])]
    if not easy:
        out.append(Para(w["category"].format(category=w[d.category]), lang))
    return out


def _plan(sec: PlanSection, lang: str, easy: bool) -> list[Block]:
    w, plan = WORDS[lang], sec.plan
    cmp = sec.comparison
    out: list[Block] = [
        Heading(w["plan.easy" if easy else "plan"], lang, 2),
        Para(w["plan_intro.easy" if easy else "plan_intro"], lang),
    ]
    if easy:
        for it in plan.items:
            out.append(
                Para(
                    w["item.easy"].format(
                        kind=it.kind,
                        provider=it.provider,
                        cost=pence(it.cost),
                        per=w[it.period.value],
                    ),
                    lang,
                )
            )
    else:
        rows = tuple(
            (
                it.kind,
                it.provider,
                w["amount"].format(quantity=plain(it.quantity), unit=it.unit, rate=pence(it.rate)),
                f"£{pence(it.cost)} {w[it.period.value]}",
            )
            for it in plan.items
        )
        columns = (w["col_support"], w["col_provider"], w["col_amount"], w["col_cost"])
        out.append(Table(columns, rows, lang, (45, 40, 45, None)))
    from rasdesk.decision.costing import over_a_year, totals

    # A one-off amount is said once, with what it covers, never "over a year"; the plan's
    # year figure only when some item is not one-off (costing.over_a_year).
    yearly, ind = over_a_year(plan, sec.indicative), sec.indicative
    joined = w["and"].join(
        f"£{pence(v)} {w['one_off.amount'] if p.value == 'one_off' and not yearly else w[p.value]}"
        for p, v in totals(plan).items()
    )
    total = "plan_total.easy" if easy else "plan_total"
    out.append(
        Para(
            w[total if yearly else f"{total}.once"].format(
                totals=joined, year=pence(cmp.plan_per_year)
            ),
            lang,
        )
    )
    if not easy:
        out.append(
            Para(
                w[f"plan_against_{cmp.direction}{'.once' if ind.once else ''}"].format(
                    difference=pence(abs(cmp.difference)),
                    indicative=pence(cmp.indicative_per_year),
                    percent=plain(abs(cmp.percent or Decimal(0))),
                    per=_once(sec, lang) if ind.once else "",
                ),
                lang,
            )
        )
    if plan.mechanism is not None:
        out.append(
            Para(
                w["managed.easy" if easy else "managed"].format(mechanism=w[plan.mechanism.code]),
                lang,
            )
        )
    if plan.agreed_by and not easy:
        out.append(Para(w["agreed_by"].format(who=plan.agreed_by), lang))
    return out
