"""The explanation of a format-2 amount after its parts: the combined rules that applied,
period conversions, the totals per funder and in all, the other periods, hours, sign-off,
flags, the council's notice and closing words, how to contact the council."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rasdesk.domain.decimals import plain
from rasdesk.domain.explain_parts_v2 import PartWords
from rasdesk.domain.model_v2 import Amount, Conversion, Part, Rule
from rasdesk.domain.result import ExplanationStep
from rasdesk.domain.result_v2 import AmountResult, PartResult, RuleStep


class AmountWords(PartWords):
    def rule(self, amount: Amount, rule: Rule, step: RuleStep) -> ExplanationStep | None:
        parts = {p.id: p for p in amount.parts}
        target = self.t(parts[rule.part].label)
        per = self.per(parts[rule.part].period)
        label, explain = self.t(rule.label), self.t(rule.explain)
        if rule.kind in ("cap", "floor"):
            if rule.part not in step.parts:
                return None
            before, after = step.parts[rule.part]
            return self.two(
                "rule",
                f"rule_{rule.kind}",
                "rule_limit.easy",
                label=label,
                explain=explain,
                part=target,
                before=self.m(before),
                after=self.m(after),
                per=per,
            )
        if step.applied:
            changes = "; ".join(
                self.s("replaced_item", part=self.t(parts[pid].label), before=self.m(b))
                for pid, (b, _) in step.parts.items()
            )
            replaced = ", ".join(f"“{self.t(parts[pid].label)}”" for pid in rule.replaces)
            return self.two(
                "rule",
                "rule_replace",
                label=label,
                explain=explain,
                part=target,
                replaced=replaced,
                changes=changes or "£0.00",
            )
        return self.two("rule", "rule_unused", label=label, explain=explain, part=target)

    def conversion(self, amount: Amount, spec: Part, part: PartResult) -> ExplanationStep | None:
        if spec.period.per == amount.period.per:
            return None
        conv = amount.conversion(spec.period.per, amount.period.per)
        assert conv is not None
        return self._convert(
            self.t(spec.label), conv, part.amount, part.in_amount_period, spec.period, amount
        )

    def _convert(
        self,
        label: str,
        conv: Conversion,
        before: Decimal,
        after: Decimal,
        source: object,
        amount: Amount,
    ) -> ExplanationStep:
        factor = conv.multiply if conv.multiply is not None else conv.divide
        assert factor is not None
        exact = before * factor if conv.multiply is not None else before / factor
        return self.two(
            "conversion",
            "convert_multiply" if conv.multiply is not None else "convert_divide",
            "convert.easy",
            label=label,
            before=self.m(before),
            per_from=self.per(source),  # type: ignore[arg-type]
            factor=plain(factor),
            after=self.m(after),
            per_to=self.per(amount.period),
            penny=self.rounded_words(conv.rounding) if exact != after else "",
        )

    def totals(self, amount: Amount, result: AmountResult) -> Iterator[ExplanationStep]:
        per = self.per(amount.period)
        name = self.t(amount.label)
        specs = {p.id: p for p in amount.parts}
        funder_words: list[str] = []
        for funder, total in result.funders.items():
            parts = [p for p in result.parts if p.funder == funder]
            who = self.funder(specs[parts[0].id])
            who = who[0].upper() + who[1:]
            if len(parts) > 1:
                listed = " + ".join(f"£{self.m(p.in_amount_period)}" for p in parts)
                yield self.two(
                    "funder_total",
                    "sum_funder",
                    "sum_funder_one",
                    funder=who,
                    parts=listed,
                    sum=self.m(total),
                    per=per,
                )
            elif len(result.funders) > 1:
                yield self.two(
                    "funder_total",
                    "sum_funder_one",
                    "sum_funder_one",
                    funder=who,
                    sum=self.m(total),
                    per=per,
                )
            if funder != "council":
                yield self.two("funder_total", "other_funder", "other_funder")
            funder_words.append(f"£{self.m(total)}")
        if len(funder_words) > 1:
            yield self.two(
                "amount_total",
                "amount_total",
                amount=name,
                funders=" + ".join(funder_words),
                total=self.m(result.total),
                per=per,
            )
        else:
            yield self.two(
                "amount_total",
                "amount_total_one",
                "amount_total.easy",
                amount=name,
                total=self.m(result.total),
                per=per,
            )
        for also in result.also:
            conv = amount.conversion(amount.period.per, also.period.per)
            assert conv is not None
            factor = conv.multiply if conv.multiply is not None else conv.divide
            assert factor is not None  # validation: exactly one of multiply/divide
            exact = result.total * factor if conv.multiply is not None else result.total / factor
            yield self.two(
                "also",
                "also" if conv.multiply is not None else "also_divide",
                "also.easy",
                amount=name,
                per=self.per(also.period),
                total=self.m(also.total),
                from_total=self.m(result.total),
                factor=plain(factor),
                penny=self.rounded_words(conv.rounding) if exact != also.total else "",
            )
            if also.council != also.total:
                yield self.two(
                    "also",
                    "also_council",
                    "also_council",
                    council=self.m(also.council),
                    per=self.per(also.period),
                )
        if result.hours is not None and amount.hourly_rate is not None:
            yield self.two(
                "hours",
                "hours",
                hourly=self.m(amount.hourly_rate),
                amount=self.m(result.council),
                per=per,
                hours=plain(result.hours),
                hour_word=self.units("hour", result.hours),
            )
        if result.sign_off_required and amount.sign_off_above is not None:
            yield self.two("sign_off", "sign_off", limit=self.m(amount.sign_off_above), per=per)
        flags = {f.id: f for f in amount.flags}
        for fid in result.flags:
            yield self.two("flag", "flag", label=self.t(flags[fid].label).rstrip("."))
        if amount.notice is not None:
            yield self.two("notice", "notice", "notice", notice=self.t(amount.notice))
        if amount.closing is not None:
            words = self.t(amount.closing)
            yield ExplanationStep("indicative", words, words)
        else:
            yield self.both("indicative", "indicative")

    def ending(self) -> Iterator[ExplanationStep]:
        c = self.ruleset.contact
        if c is not None:
            given = [
                ("contact_phone", {"phone": c.phone}) if c.phone else None,
                ("contact_email", {"email": c.email}) if c.email else None,
                ("contact_web", {"web": c.web}) if c.web else None,
                ("contact_address", {"address": self.t(c.address)}) if c.address else None,
            ]
            ways = [w for w in given if w is not None]
            joined = "; ".join(self.s(key, **v) for key, v in ways)
            easy = [self.s(f"{key}.easy", **v) for key, v in ways]  # a sentence each
            if c.hours:
                joined += " " + self.s("contact_hours", hours=self.t(c.hours))
                easy.append(self.s("contact_hours.easy", hours=self.t(c.hours)))
            yield self.two(
                "contact",
                "contact",
                council=self.ruleset.council,
                ways=joined,
                ways_easy=" ".join(easy),
            )
        r = self.ruleset
        yield self.both(
            "ruleset", "ruleset", council=r.council, id=r.id, version=r.version, sha256=r.sha256
        )
