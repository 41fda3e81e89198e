"""The reasoned explanation (spec §2.1 ``explanation``): from the person's own answers to
the pound, in plain English or Welsh, each step also in easy read.

Every figure in the words comes from the ``Result``; nothing is recomputed here except
the illustrative hours (a guide, not part of the budget).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext

from rasdesk.domain.answers import Answers
from rasdesk.domain.decimals import CENT, ONE, money, plain
from rasdesk.domain.model import Question, Questionnaire, Rounding, Ruleset
from rasdesk.domain.phrases import PHRASES
from rasdesk.domain.result import ExplanationStep, Result
from rasdesk.domain.text import Text

TENTH = Decimal("0.1")
Add = Callable[[ExplanationStep], None]


def money_text(value: Decimal) -> str:
    """Money for people to read: thousands separated, exact (1234.5 → "1,234.50")."""
    text = money(value)
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    return f"{'-' if negative else ''}{int(whole):,}.{frac}"


class _Words:
    """Phrases of one language, with the small helpers the steps share."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.p = PHRASES[lang]

    def say(self, key: str, **values: object) -> str:
        return self.p[key].format(**values)

    def pts(self, value: Decimal) -> str:
        n = plain(value)
        return self.say("point" if value == ONE else "points", n=n)

    def step_word(self, rounding: Rounding, *, money_step: bool = True) -> str:
        if not money_step:
            return self.say("step_points", to=plain(rounding.to))
        if rounding.to == CENT:
            return self.p["step_penny"]
        if rounding.to == ONE:
            return self.p["step_pound"]
        return self.say("step_other", to=money_text(rounding.to))


def explain(
    ruleset: Ruleset, answers: Answers, result: Result, lang: str = "en"
) -> list[ExplanationStep]:
    """Build the explanation steps for ``result`` in ``lang`` (``en`` or ``cy``)."""
    w = _Words(lang)
    q = answers.questionnaire
    alloc = q.allocation
    steps: list[ExplanationStep] = []
    add = steps.append

    def both(step: str, key: str, easy_key: str | None = None, **values: object) -> None:
        add(ExplanationStep(step, w.say(key, **values), w.say(easy_key or f"{key}.easy", **values)))

    _answers_and_sections(w, q, answers, result, add)
    titles = {s.id: s for s in q.sections}
    for padj, step in zip(alloc.point_adjustments, result.point_adjustments, strict=True):
        if not step.applied:
            continue
        items = [
            w.say("padj_item", section=titles[sid].title.get(lang), before=plain(b), after=plain(a))
            for sid, (b, a) in step.sections.items()
        ]
        easy = [
            w.say(
                "padj_item.easy",
                section=_easy(titles[sid].easy_read, titles[sid].title, lang),
                before=plain(b),
                after=plain(a),
            )
            for sid, (b, a) in step.sections.items()
        ]
        label = padj.label.get(lang)
        add(
            ExplanationStep(
                "point_adjustment",
                _tidy(
                    w.say(
                        "padj",
                        label=label,
                        explain=_get(padj.explain, lang),
                        factor=plain(padj.multiply),
                        changes="; ".join(items),
                    )
                ),
                w.say("padj.easy", label=label, changes="; ".join(easy)),
            )
        )
    total = result.total_points
    if alloc.points_rounding is not None and result.points_rounded != result.points_before_rounding:
        add(
            ExplanationStep(
                "total",
                w.say(
                    "points_rounded",
                    before=plain(result.points_before_rounding),
                    step=w.step_word(alloc.points_rounding, money_step=False),
                    mode=w.p[f"mode_{alloc.points_rounding.mode}"],
                    points=w.pts(result.points_rounded),
                ),
                w.say("total.easy", points=w.pts(result.points_rounded)),
            )
        )
    else:
        both("total", "total", points=w.pts(result.points_rounded))
    if result.minimum_points_applied:
        both(
            "minimum_points",
            "minimum_points",
            points=w.pts(total),
            before=w.pts(result.points_rounded),
        )
    base = money_text(result.base_amount)
    if alloc.method == "per_point":
        assert alloc.rate is not None
        both("rate", "rate", rate=money_text(alloc.rate), points=w.pts(total), base=base)
        _calibration(w, q, add)
    elif result.table_row is not None:
        both(
            "table",
            "table",
            points=w.pts(total),
            start=w.pts(result.table_row.from_points),
            amount=base,
        )
    else:
        both(
            "table",
            "table_none",
            "table.easy",
            points=w.pts(total),
            start=w.pts(alloc.table[0].from_points),
            amount=base,
        )
    for adj, astep in zip(alloc.adjustments, result.adjustments, strict=True):
        if not astep.applied:
            continue
        diff = astep.after - astep.before
        key = "adj_add" if diff > 0 else "adj_sub" if diff < 0 else "adj_same"
        values = dict(
            label=adj.label.get(lang),
            explain=_get(adj.explain, lang),
            diff=money_text(abs(diff)),
            before=money_text(astep.before),
            after=money_text(astep.after),
        )
        add(
            ExplanationStep(
                "adjustment", _tidy(w.say(key, **values)), w.say(f"{key}.easy", **values)
            )
        )
    before = money_text(result.before_limits)
    if result.floor_applied:
        if alloc.minimum is None:
            both("floor", "floor_zero", before=before)
        else:
            both("floor", "floor", limit=money_text(alloc.minimum), before=before)
    if result.ceiling_applied:
        assert alloc.maximum is not None
        both("ceiling", "ceiling", limit=money_text(alloc.maximum), before=before)
    weekly = money_text(result.weekly)
    if result.before_rounding != result.weekly:
        add(
            ExplanationStep(
                "rounding",
                w.say(
                    "weekly_rounded",
                    before=money_text(result.before_rounding),
                    step=w.step_word(alloc.rounding),
                    mode=w.p[f"mode_{alloc.rounding.mode}"],
                    weekly=weekly,
                ),
                w.say("weekly.easy", weekly=weekly),
            )
        )
    else:
        both("rounding", "weekly", weekly=weekly)
    both("annual", "annual", factor=plain(alloc.annual_factor), annual=money_text(result.annual))
    if alloc.illustrative_hourly_rate is not None:
        with localcontext() as ctx:
            ctx.prec = 40
            hours = (result.weekly / alloc.illustrative_hourly_rate).quantize(
                TENTH, rounding=ROUND_HALF_UP
            )
        both(
            "hours",
            "hours",
            hourly=money_text(alloc.illustrative_hourly_rate),
            weekly=weekly,
            hours=plain(hours),
        )
    if result.sign_off_required:
        assert alloc.sign_off_above is not None
        both("sign_off", "sign_off", limit=money_text(alloc.sign_off_above))
    labels = {f.id: f.label for f in alloc.flags}
    for fid in result.flags:
        both("flag", "flag", label=labels[fid].get(lang).rstrip("."))
    both("indicative", "indicative")
    both(
        "ruleset",
        "ruleset",
        council=ruleset.council,
        id=ruleset.id,
        version=ruleset.version,
        sha256=ruleset.sha256,
    )
    return steps


def _get(text: Text | None, lang: str) -> str:
    return text.get(lang) if text is not None else ""


def _easy(easy: Text | None, standard: Text, lang: str) -> str:
    return (easy or standard).get(lang)


def _tidy(sentence: str) -> str:
    """Drop the double space an absent optional ``explain`` leaves behind."""
    return " ".join(sentence.split())


_ANSWER_CACHE: dict[tuple[str, str, str, str, str], tuple[str, str]] = {}


def _answer_words(
    w: _Words, question: Question, value: object, points: Decimal, ruleset_sha: str
) -> tuple[str, str]:
    lang = w.lang
    key: tuple[str, str, str, str, str] | None = None
    if question.type == "single":
        key = (ruleset_sha, question.id, str(value), lang, str(points))
        cached = _ANSWER_CACHE.get(key)
        if cached:
            return cached
    q_text = question.text.get(lang)
    q_easy = _easy(question.easy_read, question.text, lang)
    pts = w.pts(points)
    if value is None:
        words = (
            w.say("answer_blank", question=q_text, points=pts),
            w.say("answer_blank.easy", question=q_easy, points=pts),
        )
    else:
        if question.type == "single":
            option = question.option_by_id[value]  # type: ignore[index]
            answer, easy = option.text.get(lang), _easy(option.easy_read, option.text, lang)
        elif question.type == "multiple":
            chosen = [question.option_by_id[o] for o in value]  # type: ignore[attr-defined]
            answer = ", ".join(o.text.get(lang) for o in chosen) or w.p["none_chosen"]
            easy = ", ".join(_easy(o.easy_read, o.text, lang) for o in chosen) or w.p["none_chosen"]
        else:
            unit = f" {question.unit.get(lang)}" if question.unit else ""
            answer = easy = f"{plain(value)}{unit}"  # type: ignore[arg-type]
        std_key = (
            "answer_max"
            if question.type == "multiple" and question.scoring == "max" and len(value) > 1  # type: ignore[arg-type]
            else "answer"
        )
        words = (
            w.say(std_key, question=q_text, answer=answer, points=pts),
            w.say("answer.easy", question=q_easy, answer=easy.rstrip(". "), points=pts),
        )
    if key is not None and len(_ANSWER_CACHE) < 50_000:
        _ANSWER_CACHE[key] = words
    return words


def _answers_and_sections(
    w: _Words, q: Questionnaire, answers: Answers, result: Result, add: Add
) -> None:
    lang = w.lang
    scores = {s.question: s.points for s in result.questions}
    by_section = {s.id: s for s in result.sections}
    for section in q.sections:
        for question in section.questions:
            if question.id not in scores or question.type == "text":
                continue  # not shown, or free text (scores nothing; kept off the letter by default)
            value = answers.visible.get(question.id)
            text, easy = _answer_words(
                w, question, value, scores[question.id], result.ruleset.sha256
            )
            add(ExplanationStep("answer", text, easy))
        s = by_section[section.id]
        title, easy_title = section.title.get(lang), _easy(section.easy_read, section.title, lang)
        raw, pts = w.pts(s.raw_points), w.pts(s.points)
        if s.capped:
            assert section.max_points is not None
            cap = w.pts(section.max_points)
            text = w.say("section_capped", section=title, raw=raw, cap=cap)
            easy = w.say("section_capped.easy", section=easy_title, raw=raw, cap=cap)
            if section.weight != ONE:
                text += " " + w.say(
                    "section_weight",
                    section=title,
                    raw=cap,
                    weight=plain(section.weight),
                    points=pts,
                )
        elif section.weight != ONE:
            text = w.say(
                "section_weight", section=title, raw=raw, weight=plain(section.weight), points=pts
            )
            easy = w.say("section.easy", section=easy_title, points=pts)
        else:
            text = w.say("section", section=title, points=pts)
            easy = w.say("section.easy", section=easy_title, points=pts)
        add(ExplanationStep("section", text, easy))


def _calibration(w: _Words, q: Questionnaire, add: Add) -> None:
    cal = q.allocation.calibration
    rate = q.allocation.rate
    if cal is None or rate is None:
        return
    date = cal.date or ""
    parts: list[str] = []
    if cal.sample_size and cal.sample_weekly_cost is not None and cal.sample_points:
        with localcontext() as ctx:
            ctx.prec = 40
            ratio = (cal.sample_weekly_cost / cal.sample_points).quantize(
                CENT, rounding=ROUND_HALF_UP
            )
        parts.append(
            w.say(
                "calibration_full",
                rate=money_text(rate),
                people=f"{cal.sample_size:,}",
                date=date,
                cost=money_text(cal.sample_weekly_cost),
                points=w.pts(cal.sample_points),
                ratio=money_text(ratio),
            )
        )
    else:
        parts.append(w.say("calibration_short", rate=money_text(rate), date=date))
    if cal.contingency:
        parts.append(w.say("calibration_contingency", pct=plain(cal.contingency * 100)))
    text = " ".join(parts).replace(" ()", "")
    add(ExplanationStep("calibration", text, w.say("calibration.easy", rate=money_text(rate))))
