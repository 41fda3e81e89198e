"""The Welsh translation of the app's own words (translations/rasdesk_cy.ts) is complete,
keeps every placeholder and keyboard shortcut working, compiles, and is what the app loads.

The last tests read the UI code itself (a small AST scan of src/rasdesk/ui), so a new
string that nobody translated, or one hidden from lupdate, fails here rather than showing
up in English on a Welsh screen. To fix a failure: scripts/update-translations.sh, then
translate (docs/translation.md).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "translations" / "rasdesk_cy.ts"
UI = ROOT / "src" / "rasdesk" / "ui"
QM_DIR = ROOT / "src" / "rasdesk" / "translations"
# In the Welsh app the language button reads "&English" (a literal in widgets/mode_bar.py,
# never translated), so Alt+E is already taken in the Welsh mode bar.
WELSH_MODE_BAR_FIXED = {"e": "&English"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str  # the disambiguation, "" if none
    translation: str
    kind: str  # the translation's type attribute: "" when finished
    numerus: bool


def read_ts(path: Path = TS) -> list[Message]:
    root = ET.parse(path).getroot()
    assert root.tag == "TS", f"{path} is not a Qt Linguist file"
    messages = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path}: {name}: a message has no <translation>"
            forms = [form.text or "" for form in translation.iter("numerusform")]
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=" | ".join(forms) if forms else (translation.text or ""),
                    kind=translation.get("type", ""),
                    numerus=message.get("numerus") == "yes",
                )
            )
    return messages


@pytest.fixture(scope="module")
def messages() -> list[Message]:
    return read_ts()


def fields(text: str) -> list[str]:
    """The named placeholders of a str.format pattern, sorted ({} and {0} count too)."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def mnemonic(text: str) -> str | None:
    """The Alt-key letter a "&" marks, lower case ("&&" is a plain ampersand)."""
    found = re.findall(r"&(?!&)(\w)", text.replace("&&", ""))
    assert len(found) <= 1, f"{text!r} marks more than one shortcut letter"
    return found[0].lower() if found else None


# --- (a) the file itself ---------------------------------------------------------------------


def test_every_message_is_translated_and_current(messages: list[Message]) -> None:
    assert len(messages) > 50, f"{TS} has only {len(messages)} messages: did lupdate run?"
    unfinished = [m for m in messages if m.kind == "unfinished"]
    stale = [m for m in messages if m.kind in ("obsolete", "vanished")]
    empty = [m for m in messages if not m.translation.strip()]
    assert not unfinished, "untranslated (run scripts/update-translations.sh, translate):\n" + (
        "\n".join(f"  {m.context}: {m.source!r}" for m in unfinished)
    )
    assert not stale, "obsolete entries: run scripts/update-translations.sh (-no-obsolete)"
    assert not empty, "empty translations:\n" + "\n".join(
        f"  {m.context}: {m.source!r}" for m in empty
    )


def test_no_message_appears_twice(messages: list[Message]) -> None:
    keys = [(m.context, m.source, m.comment) for m in messages]
    assert len(keys) == len(set(keys))


def test_the_file_says_it_is_welsh() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language", "").startswith("cy")
    assert root.get("sourcelanguage", "en").startswith("en")


# --- (b) placeholders ----------------------------------------------------------------------------


def test_every_placeholder_survives_translation(messages: list[Message]) -> None:
    wrong = []
    for m in messages:
        try:
            same = fields(m.source) == fields(m.translation)
            m.translation.format(**{name: "x" for name in fields(m.translation)})
        except (ValueError, IndexError, KeyError) as exc:
            wrong.append(f"  {m.context}: {m.translation!r} does not format: {exc}")
            continue
        if not same:
            wrong.append(f"  {m.context}: {m.source!r} → {m.translation!r}")
    assert not wrong, "placeholders differ between English and Welsh:\n" + "\n".join(wrong)


def test_pounds_stay_in_front_of_amounts(messages: list[Message]) -> None:
    for m in messages:
        for amount in re.findall(r"£\{\w+\}", m.source):
            assert amount in m.translation, f"{m.context}: {m.translation!r} lost {amount}"


def test_leading_and_trailing_spaces_are_kept(messages: list[Message]) -> None:
    for m in messages:
        assert m.source[:1].isspace() == m.translation[:1].isspace(), m
        assert m.source[-1:].isspace() == m.translation[-1:].isspace(), m


# --- (c) keyboard shortcuts ------------------------------------------------------------------------


def test_a_shortcut_in_english_is_a_shortcut_in_welsh(messages: list[Message]) -> None:
    for m in messages:
        assert (mnemonic(m.source) is None) == (mnemonic(m.translation) is None), (
            f"{m.context}: {m.source!r} → {m.translation!r}: the '&' shortcut is lost or added"
        )


def test_mode_bar_shortcuts_are_unique_in_welsh(messages: list[Message]) -> None:
    bar = [m for m in messages if m.context == "ModeBar" and mnemonic(m.translation)]
    assert len(bar) >= 6, "the mode bar's buttons are missing from the .ts (see the last tests)"
    taken: dict[str, str] = dict(WELSH_MODE_BAR_FIXED)
    for m in bar:
        letter = mnemonic(m.translation)
        assert letter is not None
        assert letter not in taken, (
            f"Alt+{letter.upper()} is both {taken[letter]!r} and {m.translation!r} in the Welsh mode bar"
        )
        assert letter in m.translation.replace("&", "").lower()
        taken[letter] = m.translation


def test_page_shortcuts_clash_in_welsh_no_more_than_in_english(messages: list[Message]) -> None:
    """A page's buttons are on screen with the mode bar: two buttons may share an Alt key in
    Welsh only where they already share it in English (which then is a bug to fix there)."""
    bar = [m for m in messages if m.context == "ModeBar" and mnemonic(m.source)]
    for context in sorted({m.context for m in messages} - {"ModeBar"}):
        page = [m for m in messages if m.context == context and mnemonic(m.source)]
        together = page + bar
        for i, one in enumerate(page):
            for other in together[i + 1 :]:
                if mnemonic(one.translation) == mnemonic(other.translation):
                    assert mnemonic(one.source) == mnemonic(other.source), (
                        f"Alt+{mnemonic(one.translation)} is both {one.translation!r} "
                        f"({context}) and {other.translation!r} ({other.context}) in Welsh"
                    )
        for one in page:
            assert mnemonic(one.translation) not in WELSH_MODE_BAR_FIXED, one


# --- (d) compiled and loaded as the app loads it -------------------------------------------------


def _compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_translations", ROOT / "packaging" / "compile_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built() -> Path:
    """Compile the committed .ts where the app looks (as scripts/build-translations.sh does),
    so these tests check this .ts and not an older .qm."""
    from rasdesk.platform import paths

    assert paths.translations_dir() == QM_DIR, "run the tests against the source tree"
    made = _compiler().compile_all(ROOT / "translations", QM_DIR)
    assert QM_DIR / "rasdesk_cy.qm" in made
    return QM_DIR / "rasdesk_cy.qm"


def test_every_message_comes_out_of_the_compiled_file(built: Path, messages: list[Message]) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(built)), f"QTranslator cannot load {built}"
    for m in messages:
        if m.numerus:
            continue
        got = translator.translate(m.context, m.source, m.comment or None)
        assert got == m.translation, f"{m.context}: {m.source!r} → {got!r}"


def test_the_app_speaks_welsh_and_back(built: Path) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from rasdesk.ui import i18n

    _app = QApplication.instance() or QApplication([])
    assert i18n.qm_path("cy") == str(built)
    assert i18n.welsh_available()
    try:
        assert i18n.set_language("cy")
        assert QCoreApplication.translate("CaseListPage", "Cases") == "Achosion"
        assert QCoreApplication.translate("QuestionPage", "Continue") == "Parhau"
        assert QCoreApplication.translate("QuestionPage", "Back") == "Yn ôl"
        assert (
            QCoreApplication.translate("ResultPage", "£{amount} a week").format(amount="12.50")
            == "£12.50 yr wythnos"
        )
    finally:
        assert i18n.set_language("en")
    assert QCoreApplication.translate("CaseListPage", "Cases") == "Cases"


# --- (e) the code's strings are all in the .ts ---------------------------------------------------


@dataclass(frozen=True)
class Found:
    where: str  # file:line
    context: str
    source: str
    comment: str
    hidden: str  # why lupdate cannot see it, "" if it can


def _text(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_translate(call: ast.Call) -> bool:
    """``….translate("Context", …)``, as lupdate reads it: QCoreApplication's, and also a
    QTranslator's (i18n.welsh_available probes one message that way)."""
    f = call.func
    return (
        isinstance(f, ast.Attribute)
        and f.attr == "translate"
        and len(call.args) >= 2
        and _text(call.args[0]) is not None
    )


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Helpers like ``def _tr(text): return QCoreApplication.translate("Errors", text)``:
    name → the context they translate in."""
    found = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        params = {a.arg for a in node.args.args}
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and _is_translate(inner)
                and _text(inner.args[0]) is not None
                and isinstance(inner.args[1], ast.Name)
                and inner.args[1].id in params
            ):
                found[node.name] = _text(inner.args[0]) or ""
    return found


class _Scan(ast.NodeVisitor):
    def __init__(self, path: Path, tree: ast.Module) -> None:
        self.path = path.relative_to(ROOT)
        self.wrappers = _wrappers(tree)
        self.classes: list[str] = []
        self.found: list[Found] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _add(
        self, node: ast.Call, context: str, source: ast.expr, comment: str, hidden: str
    ) -> None:
        where = f"{self.path}:{node.lineno}"
        if isinstance(source, ast.JoinedStr):
            hidden = "an f-string: lupdate stores the unformatted text, which never matches"
            self.found.append(Found(where, context, ast.unparse(source), comment, hidden))
        elif _text(source) is not None:
            self.found.append(Found(where, context, _text(source) or "", comment, hidden))

    def visit_Call(self, node: ast.Call) -> None:
        f = node.func
        args = node.args
        if (
            isinstance(f, ast.Attribute)
            and f.attr == "tr"
            and isinstance(f.value, ast.Name)
            and f.value.id == "self"
            and args
        ):
            context = self.classes[-1] if self.classes else ""
            self._add(node, context, args[0], _text(args[1]) or "" if len(args) > 1 else "", "")
        elif _is_translate(node) and _text(args[0]) is not None:
            comment = _text(args[2]) or "" if len(args) > 2 else ""
            self._add(node, _text(args[0]) or "", args[1], comment, "")
        elif isinstance(f, ast.Name) and f.id in ("QT_TRANSLATE_NOOP", "QT_TR_NOOP") and args:
            if f.id == "QT_TRANSLATE_NOOP" and len(args) >= 2:
                self._add(node, _text(args[0]) or "", args[1], "", "")
            elif f.id == "QT_TR_NOOP":
                self._add(node, self.classes[-1] if self.classes else "", args[0], "", "")
        elif isinstance(f, ast.Name) and f.id in self.wrappers and args:
            hidden = (
                f"passed through {f.id}(), which lupdate cannot see into: write "
                f'QCoreApplication.translate("{self.wrappers[f.id]}", "…") here instead'
            )
            self._add(node, self.wrappers[f.id], args[0], "", hidden)
        self.generic_visit(node)


def scan_ui() -> list[Found]:
    found: list[Found] = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        scan = _Scan(path, tree)
        scan.visit(tree)
        found.extend(scan.found)
    return found


def _keys(messages: list[Message]) -> set[tuple[str, str, str]]:
    return {(m.context, m.source, m.comment) for m in messages}


def test_the_scan_finds_the_known_strings() -> None:
    """The guard below is only as good as this scan: it must see the app's strings."""
    found = {(f.context, f.source) for f in scan_ui()}
    assert len(found) > 100
    assert ("CaseListPage", "Cases") in found
    assert ("Answers", "Not answered") in found  # QCoreApplication.translate in words.py


def test_every_ui_string_is_in_the_ts(messages: list[Message]) -> None:
    have = _keys(messages)
    missing = sorted(
        f"  {f.where}: {f.context}: {f.source!r}"
        for f in scan_ui()
        if not f.hidden and (f.context, f.source, f.comment) not in have
    )
    assert not missing, (
        "strings in the UI code that translations/rasdesk_cy.ts does not have: run "
        "scripts/update-translations.sh and translate them (docs/translation.md)\n"
        + "\n".join(missing)
    )


def test_no_ui_string_is_hidden_from_lupdate() -> None:
    hidden = [f"  {f.where}: {f.source!r}: {f.hidden}" for f in scan_ui() if f.hidden]
    assert not hidden, (
        "lupdate cannot extract these, so they stay English in the Welsh app:\n" + "\n".join(hidden)
    )


# --- (f) plural forms ("%n point(s)") ------------------------------------------------------------


def test_every_plural_has_english_and_welsh_forms_that_keep_the_number(
    messages: list[Message],
) -> None:
    """A ``%n`` message needs its English forms (translations/rasdesk_en.ts: "1 point",
    "3 points"; the English app shows "1 point(s)" otherwise) and all five Welsh ones, and
    every form says the number."""
    english = {(m.context, m.source): m for m in read_ts(ROOT / "translations" / "rasdesk_en.ts")}
    plurals = [m for m in messages if m.numerus]
    assert plurals, "no plural messages: the counted words lost their %n"
    for m in plurals:
        assert len(m.translation.split(" | ")) == 5, f"{m.context}: {m.source!r}: Welsh has 5 forms"
        en = english.get((m.context, m.source))
        assert en is not None and en.kind == "", f"{m.context}: {m.source!r} has no English forms"
        for form in m.translation.split(" | ") + en.translation.split(" | "):
            assert "%n" in form, f"{m.context}: {form!r} lost the number"
    assert set(english) == {(m.context, m.source) for m in plurals}
