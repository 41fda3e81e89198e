"""What a screen reader can read, over the real AT-SPI bus: runs in Debian's python3 (which
has pyatspi) inside a D-Bus session with the AT-SPI bus and an X screen, starts the app
(scripts/a11y/app_driver.py, in .venv) with Qt's accessibility bridge on, visits every
page, writes each page's accessibility tree to OUT/tree-<page>.txt, and checks:

- a heading (role "heading") named as the page's heading;
- a question's answers: a group (role "panel") named with the question, holding its radio
  buttons or check boxes, each described "<n> of <total>.";
- the check page's Change links: role "link", named "Change: <question>", each different;
- the budget page's heading names the £ figure;
- a wrong PIN and a mistyped number: the field's description starts "Invalid entry:", and
  the announcement is shown in a notification (Qt 6 has no invalid-entry state to set);
- Tab, pressed with xdotool, moves down the screen (a new line below, or right on the same
  line; the bar above the scrolled page, then the page, then the footer below it), wrapping
  once to the top, and every focused object lies inside the window;
- Welsh mode: the language AT-SPI reports for the app and its objects is Welsh.

    python3 scripts/a11y/atspi_check.py OUT        (see scripts/stage-a11y.sh)
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyatspi

ROOT = Path(__file__).resolve().parents[2]
failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


class Driver:
    """The app, driven by commands on its stdin (scripts/a11y/app_driver.py)."""

    def __init__(self) -> None:
        env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb")
        self.proc = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "scripts/a11y/app_driver.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.info = self.read()

    def read(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("atspi_check: the app stopped (see its messages above)")
        return json.loads(line)

    def send(self, command: str) -> dict:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        self.info = self.read()
        time.sleep(0.6)  # let the bridge's events settle
        return self.info

    def go(self, *route: object) -> dict:
        return self.send("go " + json.dumps(list(route)))

    def quit(self) -> None:
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=10)
        except (BrokenPipeError, subprocess.TimeoutExpired):
            self.proc.kill()


def find_app(name: str = "rasdesk", timeout: float = 30) -> pyatspi.Accessible:
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.5)
    raise SystemExit(f"atspi_check: no application called {name!r} on the AT-SPI bus")


def walk(acc: pyatspi.Accessible):
    yield acc
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def showing(acc: pyatspi.Accessible) -> bool:
    return acc.getState().contains(pyatspi.STATE_SHOWING)


def states(acc: pyatspi.Accessible) -> list[str]:
    return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())


def dump(app: pyatspi.Accessible, path: Path) -> None:
    lines = []

    def visit(acc: pyatspi.Accessible, depth: int) -> None:
        if not showing(acc) and depth > 1:
            return
        lines.append(
            "  " * depth
            + f"[{acc.getRoleName()}] {acc.name!r}"
            + (f" — {acc.description!r}" if acc.description else "")
            + f"  {{{', '.join(s for s in states(acc) if s in ('focused', 'checked', 'focusable', 'invalid-entry'))}}}"
        )
        for i in range(acc.childCount):
            child = acc.getChildAtIndex(i)
            if child is not None:
                visit(child, depth + 1)

    visit(app, 0)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def by_role(app: pyatspi.Accessible, role: int) -> list[pyatspi.Accessible]:
    return [a for a in walk(app) if a.getRole() == role and showing(a)]


ITEMS = (pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TABLE_CELL)


def focused(app: pyatspi.Accessible) -> pyatspi.Accessible | None:
    """What has the keyboard (a list's current row counts only if the list has it)."""

    def visit(acc: pyatspi.Accessible) -> pyatspi.Accessible | None:
        state = acc.getState()
        if not state.contains(pyatspi.STATE_SHOWING) and acc.getRole() != pyatspi.ROLE_APPLICATION:
            return None
        if state.contains(pyatspi.STATE_FOCUSED) and (
            acc.getRole() not in ITEMS or acc.parent.getState().contains(pyatspi.STATE_FOCUSED)
        ):
            return acc
        for i in range(acc.childCount):
            child = acc.getChildAtIndex(i)
            found = visit(child) if child is not None else None
            if found is not None:
                return found
        return None

    return visit(app)


def page_content(app: pyatspi.Accessible) -> pyatspi.Accessible | None:
    """The scrolled column of the page (its extents move as it scrolls)."""
    for bar in by_role(app, pyatspi.ROLE_SCROLL_BAR):
        area = bar.parent.parent
        if area is not None and area.childCount and area.getChildAtIndex(0).childCount:
            return area.getChildAtIndex(0).getChildAtIndex(0)
    return None


def place(
    acc: pyatspi.Accessible, content: pyatspi.Accessible | None
) -> tuple[int, int, int, int, int]:
    """(band, x, y, w, h): band 1 and page coordinates inside the scrolled page; band 0 above
    it (the bar at the top) and band 2 below it (the footer: Back, Continue), in screen
    coordinates."""
    x, y, w, h = extents(acc)
    parent = acc.parent
    while parent is not None and content is not None:
        if parent == content:
            cx, cy, _cw, _ch = extents(content)
            return 1, x - cx, y - cy, w, h
        if parent.getRole() == pyatspi.ROLE_APPLICATION:
            break
        parent = parent.parent
    if content is not None and content.parent is not None:
        _vx, vy, _vw, vh = extents(content.parent)  # the viewport: the page's visible part
        if y >= vy + vh - 4:
            return 2, x, y, w, h
    return 0, x, y, w, h


def extents(acc: pyatspi.Accessible) -> tuple[int, int, int, int]:
    box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return box.x, box.y, box.width, box.height


class FocusTracker:
    """The last object AT-SPI said took the keyboard (its focus events, as Orca hears them)."""

    def __init__(self) -> None:
        from gi.repository import GLib

        self.context = GLib.MainContext.default()
        self.last: pyatspi.Accessible | None = None
        self.count = 0
        pyatspi.Registry.registerEventListener(self._event, "object:state-changed:focused")

    def _event(self, event: object) -> None:
        with contextlib.suppress(Exception):  # an object already gone (a page replaced)
            self._take(event)

    def _take(self, event: object) -> None:
        if getattr(event, "detail1", 0) == 1:
            source = event.source  # type: ignore[attr-defined]
            if source.getRole() in ITEMS and not source.parent.getState().contains(
                pyatspi.STATE_FOCUSED
            ):
                return
            self.last, self.count = source, self.count + 1

    def pump(self, seconds: float = 0.4) -> None:
        end = time.time() + seconds
        while time.time() < end:
            while self.context.pending():
                self.context.iteration(False)
            time.sleep(0.02)

    def after(self, action) -> pyatspi.Accessible | None:  # type: ignore[no-untyped-def]
        """Do ``action`` and return what takes the focus (waiting up to 2 s for it)."""
        self.pump(0.05)
        before = self.count
        action()
        end = time.time() + 2
        while self.count == before and time.time() < end:
            self.pump(0.05)
        self.pump(0.1)
        return self.last


TRACKER: FocusTracker | None = None


def key(name: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
    time.sleep(0.25)


def type_text(text: str) -> None:
    subprocess.run(["xdotool", "type", "--delay", "60", text], check=True)
    time.sleep(0.5)


def reads_before(a: tuple[int, int, int, int, int], b: tuple[int, int, int, int, int]) -> bool:
    if a[0] != b[0]:
        return a[0] < b[0]
    _band, ax, ay, aw, ah = a
    _band, bx, by, _bw, bh = b
    if by >= ay + ah - 4:
        return True
    same_line = by < ay + ah and ay < by + bh
    return same_line and bx >= ax + aw - 4


def check_tab_order(app: pyatspi.Accessible, frame: pyatspi.Accessible, page: str) -> None:
    """Tab round the page once; the order must read down the screen, wrapping once."""
    window = extents(frame)
    content = page_content(app)
    seen: list[tuple[str, tuple[int, int, int, int, int]]] = []
    assert TRACKER is not None
    tab = lambda: subprocess.run(["xdotool", "key", "Tab"], check=True)  # noqa: E731
    start = now = TRACKER.after(tab)
    for _ in range(60):
        if now is None:
            check(False, f"{page}: Tab left nothing focused")
            return
        box = extents(now)
        seen.append((f"{now.getRoleName()} {now.name!r}", place(now, content)))
        inside = (
            window[0] <= box[0]
            and window[1] <= box[1]
            and box[0] + box[2] <= window[0] + window[2]
            and box[1] + min(box[3], 40) <= window[1] + window[3]
        )
        if not inside:
            check(False, f"{page}: focus on {seen[-1][0]} is off screen at {box}")
        now = TRACKER.after(tab)
        if now == start:
            break
    breaks = [seen[i][0] for i in range(len(seen)) if not reads_before(seen[i - 1][1], seen[i][1])]
    check(
        len(breaks) == 1,
        f"{page}: Tab follows the screen and stays on it ({len(seen)} stops; jumps back only at"
        f" the wrap: {breaks})" + ("" if len(breaks) == 1 else f"\n     {seen}"),
    )


def labelled_by(acc: pyatspi.Accessible) -> list[str]:
    """The names of what AT-SPI says labels ``acc`` (a QLabel whose buddy it is)."""
    names = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return [n for n in names if n]


def check_combos_labelled(app: pyatspi.Accessible, page: str) -> None:
    """Qt names a combo box by its current choice on Linux (not its accessible name): what it
    is for is heard only through a "labelled by" relation (every one, the read-aloud voice
    speed's too)."""
    for combo in by_role(app, pyatspi.ROLE_COMBO_BOX):
        check(
            bool(labelled_by(combo)),
            f"{page}: combo box {combo.name!r} is labelled by {labelled_by(combo)}",
        )


TAB_PAGES = (
    "cases",
    "new-case",
    "question",
    "check",
    "budget",
    "sending",
    "plan",
    "first-run",
    "plan-summary",
    "decision",
    "check-finalised",
    "move",
    "since-last-time",
    "question-v2",
    "question-v2-record",
    "check-v2",
    "budget-v2",
    "plan-v2",
    "plan-summary-v2",
    "decision-v2",
)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "a11y-out")
    out.mkdir(parents=True, exist_ok=True)
    global TRACKER
    TRACKER = FocusTracker()
    driver = Driver()
    app = find_app()
    frames = [a for a in walk(app) if a.getRole() == pyatspi.ROLE_FRAME]
    check(bool(frames), "the window is a frame on the AT-SPI bus")
    frame = frames[0]
    for _attempt in range(5):  # until the window has the keyboard (the walk's Tabs need it)
        subprocess.run(
            ["xdotool", "search", "--sync", "--name", "rasdesk", "windowactivate"],
            check=False,
            capture_output=True,
        )
        time.sleep(1)
        if focused(app) is not None:
            break
    check(focused(app) is not None, "the window has the keyboard (something in it is focused)")
    pages = [
        ("cases", ["cases"]),
        ("new-case", ["new", "person", None]),
        ("question", ["question", "@John Evans", "washing", False]),
        ("question-ticks", ["question", "@John Evans", "home_tasks", False]),
        ("check", ["check", "@John Evans"]),
        ("budget", ["result", "@John Evans"]),
        ("sending", ["sending"]),
        ("plan", ["plan", "@Alys Pritchard"]),
        ("first-run", ["first_run"]),
        ("question-number", ["question", "@John Evans", "night_help", False]),
        ("lock", ["lock"]),
        # Cases the demo has none for, made by the driver (app_driver.prepare) as the walk
        # goes: each changes the installed ruleset or a case, so they come after the rest.
        ("prepare", "decision"),
        ("plan-summary", ["plan_summary", "@Alys Pritchard"]),
        ("decision", ["decide", "@Alys Pritchard"]),
        ("check-finalised", ["check", "@Gareth Hughes"]),  # read-only: sent to the council
        ("prepare", "review"),
        ("move", ["move", "@John Evans"]),
        ("since-last-time", ["changes", "@Gareth review"]),
        ("prepare", "format2"),
        ("question-v2", ["question", "@Gwen Format2", "washing", False]),
        ("question-v2-record", ["question", "@Gwen Format2", "washing", False]),
        ("check-v2", ["check", "@Gwen Format2"]),
        ("budget-v2", ["result", "@Gwen Format2"]),
        # Format 2's support plan: a plan page with an amount to choose (example (d)), and
        # the demo's plan summary and decision (the NHS part shown).
        ("prepare", "format2-plan"),
        ("plan-v2", ["plan", "@Owain Format2"]),
        ("plan-summary-v2", ["plan_summary", "@Gwen Format2"]),
        ("decision-v2", ["decide", "@Gwen Format2"]),
    ]
    for name, route in pages:
        if name == "prepare":
            driver.send("prepare " + json.dumps(route))
            continue
        info = driver.go(*route)
        if name.endswith("-record"):  # who answered, helped, and the evidence, shown
            info = driver.send("record")
        dump(app, out / f"tree-{name}.txt")
        check_combos_labelled(app, name)
        headings = by_role(app, pyatspi.ROLE_HEADING)
        check(
            any(h.name == info["heading"] for h in headings),
            f"{name}: a heading named {info['heading']!r} (found {[h.name for h in headings]})",
        )
        if "question" in info and info.get("answers"):
            groups = [g for g in by_role(app, pyatspi.ROLE_PANEL) if g.name == info["question"]]
            check(len(groups) == 1, f"{name}: a group named with the question {info['question']!r}")
            if groups:
                buttons = [
                    a
                    for a in walk(groups[0])
                    if a.getRole() in (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX)
                ]
                total = len(info["answers"])
                check(len(buttons) == total, f"{name}: the group holds its {total} answers")
                for n, button in enumerate(buttons, 1):
                    check(
                        button.description.startswith(f"{n} of {total}."),
                        f"{name}: answer {button.name!r} says {n} of {total} ({button.description!r})",
                    )
        if name == "check":
            links = [a for a in by_role(app, pyatspi.ROLE_LINK) if a.name.startswith("Change")]
            names = [link.name for link in links]
            check(len(links) == len(info["links"]) and len(links) > 3, f"check: {len(links)} links")
            check(all(n.startswith("Change: ") for n in names), "check: links say what they change")
            check(len(set(names)) == len(names), "check: no two Change links sound the same")
        if name == "budget":
            check(info["weekly"] in info["heading"], f"budget: the heading says {info['weekly']!r}")
            focus = focused(app)
            check(
                focus is not None and focus.getRole() == pyatspi.ROLE_HEADING,
                f"budget: the focus starts on the heading ({focus and focus.name!r})",
            )
        if name == "budget-v2":
            totals = info.get("totals") or []
            check(
                bool(totals) and all(f"£{t}" in info["heading"] for t in totals),
                f"budget-v2: the heading says each total {totals} ({info['heading']!r})",
            )
            focus = focused(app)
            check(
                focus is not None
                and focus.getRole() == pyatspi.ROLE_HEADING
                and focus.name == info["heading"],
                f"budget-v2: the focus starts on the heading ({focus and focus.name!r})",
            )
        if name == "plan-v2":  # the amount is chosen first: the focus starts on its choice
            focus = focused(app)
            check(
                focus is not None
                and focus.getRole() == pyatspi.ROLE_COMBO_BOX
                and labelled_by(focus) == ["The amount the plan is measured against"],
                f"plan-v2: the focus starts on the amount's choice ({focus and focus.name!r},"
                f" labelled by {focus and labelled_by(focus)})",
            )
            combos = by_role(app, pyatspi.ROLE_COMBO_BOX)
            labels = [lab for combo in combos for lab in labelled_by(combo)]
            check(
                "How often" in labels,
                f"plan-v2: the period's choice is labelled 'How often' ({labels})",
            )
        if name == "plan-summary-v2":
            focus = focused(app)
            check(
                focus is not None
                and focus.getRole() == pyatspi.ROLE_HEADING
                and focus.name == info["heading"],
                f"plan-summary-v2: the focus starts on the heading ({focus and focus.name!r})",
            )
        if name == "decision-v2":
            focus = focused(app)
            check(
                focus is not None and focus.name.startswith("Final personal budget"),
                f"decision-v2: the focus starts on the final budget ({focus and focus.name!r})",
            )
        if name == "question-number":
            type_text("lots")
            field = focused(app)
            check(
                field is not None and field.description.startswith("Invalid entry: Enter a number"),
                f"number: the field is marked invalid ({field and field.description!r})",
            )
            check(
                any(
                    n.name == "Enter a number, like 3"
                    for n in by_role(app, pyatspi.ROLE_NOTIFICATION)
                ),
                "number: the mistake is in a notification",
            )
            for _ in range(4):
                key("BackSpace")
        if name == "lock":
            type_text("0000")
            key("Return")
            field = focused(app)
            check(
                field is not None and field.description.startswith("Invalid entry: That PIN"),
                f"lock: the PIN field is marked invalid ({field and field.description!r})",
            )
            dump(app, out / "tree-lock-wrong-pin.txt")
            type_text("1234")
            key("Return")
            time.sleep(1)
            driver.send("where")
            continue
        if name in TAB_PAGES:
            check_tab_order(app, frame, name)
    driver.go("question", "@John Evans", "washing", False)
    info = driver.send('look {"language": "cy"}')
    heading = by_role(app, pyatspi.ROLE_HEADING)

    def ask(what) -> str:  # type: ignore[no-untyped-def]
        try:
            return str(what())
        except Exception as exc:  # Qt's bridge answers only some of these
            return f"(not answered: {str(exc)[:60]})"

    locale = ask(lambda: app.get_toolkit_name())
    object_locale = ask(lambda: heading[0].get_object_locale()) if heading else ""
    dump(app, out / "tree-question-welsh.txt")
    check(
        str(object_locale).startswith("cy"),
        f"Welsh: AT-SPI reports the words' language as {object_locale!r} (toolkit {locale!r};"
        f" heading {info['heading']!r})",
    )
    # Last: once closed, the app opens nothing more (only starting it again does).
    info = driver.go("closed")
    dump(app, out / "tree-closed.txt")
    headings = by_role(app, pyatspi.ROLE_HEADING)
    check(
        bool(info["heading"]) and any(h.name == info["heading"] for h in headings),
        f"closed: a heading named {info['heading']!r} (found {[h.name for h in headings]})",
    )
    driver.quit()
    print(f"\natspi_check: {len(failures)} failure(s); trees in {out}", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
