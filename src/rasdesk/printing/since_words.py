""" "What changed since last time" in plain words, English and Welsh, for a review: the
money, whether the change came from the person's answers or the council's new rules, each
answer that changed and each area whose points changed. The letter, the app and the
``rasdesk case changes`` command all say exactly these sentences.
"""

from __future__ import annotations

from decimal import Decimal

from rasdesk.domain.explain_steps import money_text
from rasdesk.domain.model import Question
from rasdesk.printing.letter import _answer_words, points_words
from rasdesk.reviews.since_last_time import AnswerChange, SinceLastTime, sections_of

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "What has changed since your last assessment",
        "money": "Last time your indicative budget was £{last} {last_per}. Now it is £{now} {now_per}.",
        "money_same": "Last time your indicative budget was £{last} {per}. It is the same now.",
        "money_pending": "Last time your indicative budget was £{last} {per}. The new figure is not ready until every question is answered.",
        "more": "That is £{amount} {per} more.",
        "less": "That is £{amount} {per} less.",
        "other_period": "The council now works the budget out for a different period, so the two figures are not set against each other.",
        "split": "Of this, {rules} comes from the council's new rates and rules, and {answers} from changes in your answers.",
        "split_unknown": "The council's rules now ask questions they did not ask last time, so we cannot say how much of the change comes from the new rules and how much from your answers.",
        "money_linked": "Last time your indicative budget was £{last} {per}. The new figure is not ready until the cared-for person's assessment gives the answers this one reads from it.",
        "split_linked": "Last time's answers from the cared-for person's assessment do not fit the council's new rules, so we cannot say how much of the change comes from the new rules and how much from the answers.",
        "up": "£{amount} more",
        "down": "£{amount} less",
        "none": "nothing",
        "rules_same": "The council's rules have not changed since last time.",
        "rules_changed": "The council's rules changed since last time (version {old} to {new}).",
        "answers_same": "Your answers are the same as last time.",
        "answer": "{question} Last time: “{before}” ({points_before}). Now: “{now}” ({points_now}).",
        "not_answered": "not answered",
        "does_not_apply": "does not apply",
        "no_points": "no points",
        "area": "{area}: {before} last time, {now} now.",
    },
    "cy": {
        "title": "Beth sydd wedi newid ers eich asesiad diwethaf",
        "money": "Y tro diwethaf, eich cyllideb ddangosol oedd £{last} {last_per}. Nawr mae'n £{now} {now_per}.",
        "money_same": "Y tro diwethaf, eich cyllideb ddangosol oedd £{last} {per}. Mae'r un fath nawr.",
        "money_pending": "Y tro diwethaf, eich cyllideb ddangosol oedd £{last} {per}. Ni fydd y ffigur newydd yn barod nes bydd pob cwestiwn wedi'i ateb.",
        "more": "Mae hynny £{amount} {per} yn fwy.",
        "less": "Mae hynny £{amount} {per} yn llai.",
        "other_period": "Mae'r cyngor nawr yn cyfrifo'r gyllideb am gyfnod gwahanol, felly nid yw'r ddau ffigur yn cael eu cymharu â'i gilydd.",
        "split": "O hyn, daw {rules} o gyfraddau a rheolau newydd y cyngor, a {answers} o newidiadau yn eich atebion.",
        "split_unknown": "Mae rheolau'r cyngor nawr yn gofyn cwestiynau na chawsant eu gofyn y tro diwethaf, felly ni allwn ddweud faint o'r newid sy'n dod o'r rheolau newydd a faint o'ch atebion.",
        "money_linked": "Y tro diwethaf, eich cyllideb ddangosol oedd £{last} {per}. Ni fydd y ffigur newydd yn barod nes bydd asesiad y person sy'n derbyn gofal yn rhoi'r atebion y mae'r asesiad hwn yn eu darllen ohono.",
        "split_linked": "Nid yw atebion y tro diwethaf o asesiad y person sy'n derbyn gofal yn cyd-fynd â rheolau newydd y cyngor, felly ni allwn ddweud faint o'r newid sy'n dod o'r rheolau newydd a faint o'r atebion.",
        "up": "£{amount} yn fwy",
        "down": "£{amount} yn llai",
        "none": "dim",
        "rules_same": "Nid yw rheolau'r cyngor wedi newid ers y tro diwethaf.",
        "rules_changed": "Mae rheolau'r cyngor wedi newid ers y tro diwethaf (fersiwn {old} i {new}).",
        "answers_same": "Mae eich atebion yr un fath â'r tro diwethaf.",
        "answer": "{question} Y tro diwethaf: “{before}” ({points_before}). Nawr: “{now}” ({points_now}).",
        "not_answered": "dim ateb",
        "does_not_apply": "ddim yn berthnasol",
        "no_points": "dim pwyntiau",
        "area": "{area}: {before} y tro diwethaf, {now} nawr.",
    },
}


#: Each period in words, after an amount ("£301.20 a week"); easy read's plainer words.
PER: dict[str, dict[str, str]] = {
    "en": {"week": "a week", "month": "a month", "year": "a year", "one_off": "as one payment"},
    "cy": {
        "week": "yr wythnos",
        "month": "y mis",
        "year": "y flwyddyn",
        "one_off": "fel un taliad",
    },
}
PER_EASY: dict[str, dict[str, str]] = {
    "en": {"week": "each week", "month": "each month", "year": "each year", "one_off": "once"},
    "cy": {"week": "bob wythnos", "month": "bob mis", "year": "bob blwyddyn", "one_off": "unwaith"},
}


#: Easy read (Mencap / DH guidance): one idea a sentence, at most 15 words, money as figures.
EASY: dict[str, dict[str, str]] = {
    "en": {
        "last": "Last time your budget was £{last} {per}.",
        "now": "Now it is £{now} {per}.",
        "same": "It is the same now.",
        "pending": "The new budget is not ready yet.",
        "pending_linked": "It needs answers from the person you care for first.",
        "rules": "The council changed its rates.",
        "answers": "Your answers changed.",
        "more": "That gives you £{amount} more {per}.",
        "less": "That gives you £{amount} less {per}.",
        "rules_same": "The council's rules are the same as last time.",
        "answers_same": "Your answers are the same as last time.",
        "answer": "You told us something new about this: {question}",
    },
    "cy": {
        "last": "Y tro diwethaf, eich cyllideb oedd £{last} {per}.",
        "now": "Nawr mae'n £{now} {per}.",
        "same": "Mae'r un fath nawr.",
        "pending": "Nid yw'r gyllideb newydd yn barod eto.",
        "pending_linked": "Mae angen atebion gan y person rydych yn gofalu amdano yn gyntaf.",
        "rules": "Newidiodd y cyngor ei gyfraddau.",
        "answers": "Newidiodd eich atebion.",
        "more": "Mae hynny'n rhoi £{amount} yn fwy i chi {per}.",
        "less": "Mae hynny'n rhoi £{amount} yn llai i chi {per}.",
        "rules_same": "Mae rheolau'r cyngor yr un fath â'r tro diwethaf.",
        "answers_same": "Mae eich atebion yr un fath â'r tro diwethaf.",
        "answer": "Fe ddywedoch chi rywbeth newydd am hyn: {question}",
    },
}


def easy_sentences(since: SinceLastTime, lang: str = "en") -> list[str]:
    """The same, in easy read: short sentences, one idea each."""
    w = EASY[lang]
    out = _money_easy(since, lang) if since.has_amount else []
    if not since.rule_changes:
        out.append(w["rules_same"])
    if not since.answers:
        out.append(w["answers_same"])
    questions = since.new.questionnaire_by_id[since.questionnaire].question_by_id
    for change in since.answers:
        q = questions.get(change.question)
        if q is not None:
            out.append(w["answer"].format(question=(q.easy_read or q.text).get(lang)))
    return out


def _money_easy(since: SinceLastTime, lang: str) -> list[str]:
    w, per = EASY[lang], PER_EASY[lang]
    last, now = since.last_figure, since.now_figure
    out = [w["last"].format(last=money_text(last.amount), per=per[last.per])]
    if now is None:
        out.append(w["pending"])
        if since.now_why is not None:
            out.append(w["pending_linked"])
    elif since.total == 0:
        out.append(w["same"])
    else:
        out.append(w["now"].format(now=money_text(now.amount), per=per[now.per]))
    for key, amount in (("rules", since.from_rules), ("answers", since.from_answers)):
        if amount is not None and amount != 0:
            way = "more" if amount > 0 else "less"
            out += [w[key], w[way].format(amount=money_text(abs(amount)), per=per[last.per])]
    return out


def _signed(amount: Decimal, w: dict[str, str]) -> str:
    if amount == 0:
        return w["none"]
    return w["up" if amount > 0 else "down"].format(amount=money_text(abs(amount)))


def _points(points: Decimal | None, lang: str, w: dict[str, str]) -> str:
    return w["no_points"] if points is None else points_words(points, lang)


def _value(
    question: Question | None, value: object, lang: str, w: dict[str, str], na: str | None
) -> str:
    if value is None or question is None:
        return w["not_answered"]
    if isinstance(value, dict):  # format 2's "does not apply", in the ruleset's own words
        return na or w["does_not_apply"]
    return _answer_words(question, value, lang)[0]


def _na_words(questionnaire: object, question: str, lang: str) -> str | None:
    """A format-2 question's own words for "does not apply" (None: it has none)."""
    extra = getattr(questionnaire, "extra", {}).get(question)
    return None if extra is None or extra.not_applicable is None else extra.not_applicable.get(lang)


def _answer(change: AnswerChange, since: SinceLastTime, lang: str, w: dict[str, str]) -> str:
    new_form = since.new.questionnaire_by_id[since.questionnaire]
    old_form = since.old.questionnaire_by_id[since.questionnaire]
    new_q = new_form.question_by_id.get(change.question)
    old_q = old_form.question_by_id.get(change.question)
    shown = new_q or old_q
    assert shown is not None
    return w["answer"].format(
        question=shown.text.get(lang),
        before=_value(old_q, change.before, lang, w, _na_words(old_form, change.question, lang)),
        points_before=_points(change.points_before, lang, w),
        now=_value(new_q, change.now, lang, w, _na_words(new_form, change.question, lang)),
        points_now=_points(change.points_now, lang, w),
    )


def _money(since: SinceLastTime, lang: str) -> list[str]:
    """The money: last time's figure, now's, and how much came from the rules or answers."""
    w, per = WORDS[lang], PER[lang]
    last_fig, now_fig, total = since.last_figure, since.now_figure, since.total
    last, last_per = money_text(last_fig.amount), per[last_fig.per]
    out: list[str] = []
    if now_fig is None:  # a carer's facts the linked case cannot give yet: said so
        out.append(
            w["money_linked" if since.now_why else "money_pending"].format(last=last, per=last_per)
        )
    elif total == 0:
        out.append(w["money_same"].format(last=last, per=last_per))
    else:
        out.append(
            w["money"].format(
                last=last,
                last_per=last_per,
                now=money_text(now_fig.amount),
                now_per=per[now_fig.per],
            )
        )
        if total is None:  # two periods: no difference is claimed
            out.append(w["other_period"])
        else:
            way = "more" if total > 0 else "less"
            out.append(w[way].format(amount=money_text(abs(total)), per=last_per))
    rules, answers = since.from_rules, since.from_answers
    if total is not None and total != 0:
        if rules is not None and answers is not None:
            out.append(w["split"].format(rules=_signed(rules, w), answers=_signed(answers, w)))
        else:
            out.append(w["split_linked" if since.last_under_new_rules_why else "split_unknown"])
    return out


def sentences(since: SinceLastTime, lang: str = "en") -> list[str]:
    """Every sentence, in the order the letter and the app give them (no money where the
    questionnaire gives no amount of its own)."""
    w = WORDS[lang]
    out = _money(since, lang) if since.has_amount else []
    if since.rule_changes:
        out.append(w["rules_changed"].format(old=since.old.version, new=since.new.version))
    else:
        out.append(w["rules_same"])
    if not since.answers:
        out.append(w["answers_same"])
    out += [_answer(a, since, lang, w) for a in since.answers]
    titles = {
        s.id: s.title.get(lang)
        for q in (since.old, since.new)
        for s in sections_of(q.questionnaire_by_id[since.questionnaire])
    }
    for area in since.areas:
        if area.before != area.now and since.now is not None:
            out.append(
                w["area"].format(
                    area=titles[area.section],
                    before=_points(area.before, lang, w),
                    now=_points(area.now, lang, w),
                )
            )
    return out
