"""The words of each kind of explanation step, one function each, in one language.

Pure functions of their inputs (Decimals, ids, the ruleset's text), so ``explain.py`` can
memoize them: the same answer or section score recurs across thousands of people.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from rasdesk.domain.decimals import CENT, ONE, money, plain
from rasdesk.domain.model import (
    Adjustment,
    PointAdjustment,
    Question,
    Questionnaire,
    Rounding,
    Ruleset,
    Section,
)
from rasdesk.domain.phrases import PHRASES
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.text import Text
from rasdesk.domain.units import with_unit

TENTH = Decimal("0.1")


@lru_cache(maxsize=65536)
def money_text(value: Decimal) -> str:
    """Money for people to read: thousands separated, exact (1234.5 → "1,234.50")."""
    text = money(value)
    negative = text.startswith("-")
    whole, _, frac = text.lstrip("-").partition(".")
    return f"{'-' if negative else ''}{int(whole):,}.{frac}"


@lru_cache(maxsize=65536)
def points_text(value: Decimal) -> str:
    """Points for people to read: 8140 → "8,140", 9.600 → "9.6"."""
    whole, dot, frac = plain(value).partition(".")
    return f"{int(whole):,}{dot}{frac}"


def to_penny(value: Decimal) -> Decimal:
    """Money as a person reads it: to the penny, halves up (the JSON keeps every digit)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _easy(easy: Text | None, standard: Text, lang: str) -> str:
    return (easy or standard).get(lang)


def _tidy(sentence: str) -> str:
    """Drop the double space an absent optional ``explain`` leaves behind."""
    return " ".join(sentence.split())


class AnswerWords:
    """The steps about answers and sections, in one language: shared by both formats."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.p = PHRASES[lang]

    def say(self, key: str, **values: object) -> str:
        return self.p[key].format(**values)

    def both(
        self, step: str, key: str, easy_key: str | None = None, **values: object
    ) -> ExplanationStep:
        return ExplanationStep(
            step, self.say(key, **values), self.say(easy_key or f"{key}.easy", **values)
        )

    def penny(self, value: Decimal) -> tuple[str, str]:
        """(the amount to the penny, " (to the nearest penny)" when that rounded it)."""
        shown = to_penny(value)
        return money_text(shown), (self.p["penny"] if shown != value else "")

    def pts(self, value: Decimal) -> str:
        return self.say("point" if value == ONE else "points", n=points_text(value))

    def step_word(self, rounding: Rounding, *, money_step: bool = True) -> str:
        if not money_step:
            return self.say("step_points", to=plain(rounding.to))
        if rounding.to == CENT:
            return self.p["step_penny"]
        if rounding.to == ONE:
            return self.p["step_pound"]
        return self.say("step_other", to=money_text(rounding.to))

    # --- one function per step ---------------------------------------------------------
    def answer(self, question: Question, value: object, points: Decimal) -> ExplanationStep:
        lang = self.lang
        q_text, q_easy = question.text.get(lang), _easy(question.easy_read, question.text, lang)
        pts = self.pts(points)
        if value is None:
            return ExplanationStep(
                "answer",
                self.say("answer_blank", question=q_text, points=pts),
                self.say("answer_blank.easy", question=q_easy, points=pts),
            )
        key = "answer"
        if question.type == "single":
            option = question.option_by_id[value]  # type: ignore[index]
            answer, easy = option.text.get(lang), _easy(option.easy_read, option.text, lang)
        elif question.type == "multiple":
            chosen = [question.option_by_id[o] for o in value]  # type: ignore[attr-defined]
            answer = ", ".join(o.text.get(lang) for o in chosen) or self.p["none_chosen"]
            # Easy read: one chosen answer a line (each is a sentence of its own), never
            # one long sentence of them all.
            easy_words = [_easy(o.easy_read, o.text, lang).rstrip(".") for o in chosen]
            easy = (
                "\n" + "\n".join(easy_words) if len(easy_words) > 1 else "".join(easy_words)
            ) or self.p["none_chosen"]
            if question.scoring == "max" and len(chosen) > 1:
                key = "answer_max"
        else:
            answer = easy = with_unit(value, question.unit, lang)  # type: ignore[arg-type]
        return ExplanationStep(
            "answer",
            self.say(key, question=q_text, answer=answer, points=pts),
            self.say("answer.easy", question=q_easy, answer=easy.rstrip(". "), points=pts),
        )

    def section(
        self, section: Section, raw_points: Decimal, capped: bool, points: Decimal
    ) -> ExplanationStep:
        lang = self.lang
        title, easy_title = section.title.get(lang), _easy(section.easy_read, section.title, lang)
        raw, pts = self.pts(raw_points), self.pts(points)
        if capped:
            assert section.max_points is not None
            cap = self.pts(section.max_points)
            text = self.say("section_capped", section=title, raw=raw, cap=cap)
            easy = self.say("section_capped.easy", section=easy_title, raw=raw, cap=cap)
            if section.weight != ONE:
                text += " " + self.say(
                    "section_weight",
                    section=title,
                    raw=cap,
                    weight=plain(section.weight),
                    points=pts,
                )
        elif section.weight != ONE:
            text = self.say(
                "section_weight", section=title, raw=raw, weight=plain(section.weight), points=pts
            )
            easy = self.say("section.easy", section=easy_title, points=pts)
        else:
            text = self.say("section", section=title, points=pts)
            easy = self.say("section.easy", section=easy_title, points=pts)
        return ExplanationStep("section", text, easy)


class Words(AnswerWords):
    """Makes the steps for one format-1 questionnaire in one language."""

    def __init__(self, ruleset: Ruleset, questionnaire: Questionnaire, lang: str) -> None:
        super().__init__(lang)
        self.ruleset = ruleset
        self.q = questionnaire

    def point_adjustment(
        self, padj: PointAdjustment, changes: tuple[tuple[str, Decimal, Decimal], ...]
    ) -> ExplanationStep:
        lang = self.lang
        titles = {s.id: s for s in self.q.sections}
        items = "; ".join(
            self.say(
                "padj_item", section=titles[sid].title.get(lang), before=plain(b), after=plain(a)
            )
            for sid, b, a in changes
        )
        easy = "\n".join(  # easy read: one area a line
            self.say(
                "padj_item.easy",
                section=_easy(titles[sid].easy_read, titles[sid].title, lang),
                before=plain(b),
                after=plain(a),
            )
            for sid, b, a in changes
        )
        label, explain = padj.label.get(lang), padj.explain.get(lang) if padj.explain else ""
        text = self.say(
            "padj", label=label, explain=explain, factor=plain(padj.multiply), changes=items
        )
        easy_text = self.say("padj.easy", label=label, changes=easy)
        # What the change is worth in money, so that (for example) a reduction for help from
        # an unpaid carer is shown as £ a week, never only as points (per-point rulesets:
        # points × rate is exact; with a table the band decides, and the total step says so).
        rate = self.q.allocation.rate
        delta = sum((b - a for _, b, a in changes), Decimal(0))
        if rate is not None and delta:
            key = "padj_money_less" if delta > 0 else "padj_money_more"
            worth, penny = self.penny(abs(delta) * rate)
            values = {
                "points": self.pts(abs(delta)),
                "money": worth,
                "penny": penny,
                "rate": money_text(rate),
            }
            text += " " + self.say(key, **values)
            easy_text += " " + self.say(f"{key}.easy", **values)
        return ExplanationStep("point_adjustment", _tidy(text), easy_text)

    def total(self, before: Decimal, rounded: Decimal) -> ExplanationStep:
        pr = self.q.allocation.points_rounding
        if pr is not None and rounded != before:
            return ExplanationStep(
                "total",
                self.say(
                    "points_rounded",
                    before=plain(before),
                    step=self.step_word(pr, money_step=False),
                    mode=self.p[f"mode_{pr.mode}"],
                    points=self.pts(rounded),
                ),
                self.say("total.easy", points=self.pts(rounded)),
            )
        return self.both("total", "total", points=self.pts(rounded))

    def minimum_points(self, total: Decimal, rounded: Decimal) -> ExplanationStep:
        return self.both(
            "minimum_points", "minimum_points", points=self.pts(total), before=self.pts(rounded)
        )

    def rate(self, total: Decimal, base: Decimal) -> ExplanationStep:
        rate = self.q.allocation.rate
        assert rate is not None
        shown, penny = self.penny(base)
        return self.both(
            "rate", "rate", rate=money_text(rate), points=self.pts(total), base=shown, penny=penny
        )

    def calibration(self) -> ExplanationStep | None:
        cal, rate = self.q.allocation.calibration, self.q.allocation.rate
        if cal is None or rate is None:
            return None
        date = cal.date or ""
        if cal.sample_size and cal.sample_weekly_cost is not None and cal.sample_points:
            with localcontext() as ctx:
                ctx.prec = 40
                ratio = (cal.sample_weekly_cost / cal.sample_points).quantize(
                    CENT, rounding=ROUND_HALF_UP
                )
            parts = [
                self.say(
                    "calibration_full",
                    rate=money_text(rate),
                    people=f"{cal.sample_size:,}",
                    date=date,
                    cost=money_text(cal.sample_weekly_cost),
                    points=self.pts(cal.sample_points),
                    ratio=money_text(ratio),
                )
            ]
        else:
            parts = [self.say("calibration_short", rate=money_text(rate), date=date)]
        if cal.contingency:
            parts.append(self.say("calibration_contingency", pct=plain(cal.contingency * 100)))
        text = " ".join(parts).replace(" ()", "")
        return ExplanationStep(
            "calibration", text, self.say("calibration.easy", rate=money_text(rate))
        )

    def table(self, total: Decimal, row_from: Decimal | None, base: Decimal) -> ExplanationStep:
        if row_from is None:
            first = self.q.allocation.table[0].from_points
            return self.both(
                "table",
                "table_none",
                "table.easy",
                points=self.pts(total),
                start=self.pts(first),
                amount=money_text(base),
            )
        return self.both(
            "table",
            "table",
            points=self.pts(total),
            start=self.pts(row_from),
            amount=money_text(base),
        )

    def adjustment(self, adj: Adjustment, before: Decimal, after: Decimal) -> ExplanationStep:
        # The figures a person reads are to the penny, so the difference said is theirs.
        diff = to_penny(after) - to_penny(before)
        key = "adj_add" if diff > 0 else "adj_sub" if diff < 0 else "adj_same"
        shown_after, penny = self.penny(after)
        values = {
            "label": adj.label.get(self.lang),
            "explain": adj.explain.get(self.lang) if adj.explain else "",
            "diff": money_text(abs(diff)),
            "before": money_text(to_penny(before)),
            "after": shown_after,
            "penny": penny,
        }
        return ExplanationStep(
            "adjustment", _tidy(self.say(key, **values)), self.say(f"{key}.easy", **values)
        )

    def floor(self, before: Decimal) -> ExplanationStep:
        minimum = self.q.allocation.minimum
        shown, penny = self.penny(before)
        if minimum is None:
            return self.both("floor", "floor_zero", before=shown, penny=penny)
        return self.both("floor", "floor", limit=money_text(minimum), before=shown, penny=penny)

    def ceiling(self, before: Decimal) -> ExplanationStep:
        maximum = self.q.allocation.maximum
        assert maximum is not None
        shown, penny = self.penny(before)
        return self.both("ceiling", "ceiling", limit=money_text(maximum), before=shown, penny=penny)

    def weekly(self, before: Decimal, weekly: Decimal) -> ExplanationStep:
        rounding = self.q.allocation.rounding
        if before != weekly:
            shown, penny = self.penny(before)
            mode = self.p[f"mode_{rounding.mode}"]
            words = (
                self.say("weekly_penny", mode=mode, weekly=money_text(weekly))
                if rounding.to == CENT
                else self.say(
                    "weekly_rounded",
                    before=shown,
                    penny=penny,
                    step=self.step_word(rounding),
                    mode=mode,
                    weekly=money_text(weekly),
                )
            )
            return ExplanationStep(
                "rounding",
                words,
                self.say("weekly.easy", weekly=money_text(weekly)),
            )
        return self.both("rounding", "weekly", weekly=money_text(weekly))

    def annual(self, annual: Decimal) -> ExplanationStep:
        factor = self.q.allocation.annual_factor
        weeks = self.say("weeks_one" if factor == ONE else "weeks_many", n=plain(factor))
        return self.both("annual", "annual", weeks=weeks, annual=money_text(annual))

    def hours(self, weekly: Decimal) -> ExplanationStep | None:
        hourly = self.q.allocation.illustrative_hourly_rate
        if hourly is None:
            return None
        with localcontext() as ctx:
            ctx.prec = 40
            hours = (weekly / hourly).quantize(TENTH, rounding=ROUND_HALF_UP)
        return self.both(
            "hours",
            "hours",
            hourly=money_text(hourly),
            weekly=money_text(weekly),
            hours=plain(hours),
            hour_word=self.p["hour_one" if hours == ONE else "hour_many"],
        )

    def sign_off(self) -> ExplanationStep:
        limit = self.q.allocation.sign_off_above
        assert limit is not None
        return self.both("sign_off", "sign_off", limit=money_text(limit))

    def flag(self, fid: str) -> ExplanationStep:
        label = next(f.label for f in self.q.allocation.flags if f.id == fid)
        return self.both("flag", "flag", label=label.get(self.lang).rstrip("."))

    def indicative(self) -> ExplanationStep:
        return self.both("indicative", "indicative")

    def ruleset_step(self) -> ExplanationStep:
        r = self.ruleset
        return self.both(
            "ruleset", "ruleset", council=r.council, id=r.id, version=r.version, sha256=r.sha256
        )
