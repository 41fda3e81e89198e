"""Reading a tagged PDF back as a screen reader would: the structure tree (pikepdf), each
element's type, language (inherited from the catalog and its parents), alternative text,
table scope and marked-content ids; and the text and position of each marked-content id
(pdfplumber's characters). Nothing here uses rasdesk's own idea of what the letter says."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf


@dataclass
class Node:
    type: str
    lang: str | None  # in effect (inherited)
    alt: str | None
    scope: str | None
    refs: list[tuple[int, int]] = field(default_factory=list)  # (page index, mcid), in order
    children: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_refs(self) -> list[tuple[int, int]]:
        """Every marked-content id below this element, in reading order."""
        return [ref for node in self.walk() for ref in node.refs]


@dataclass(frozen=True)
class Run:
    text: str
    top: float  # of the first character
    x0: float


class Tagged:
    """One tagged PDF read back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with pikepdf.open(path) as pdf:
            self.catalog = {
                k: pdf.Root.get(k) for k in ("/Lang", "/MarkInfo", "/ViewerPreferences")
            }
            self.lang = str(pdf.Root.get("/Lang", ""))
            self.marked = (
                bool(pdf.Root.MarkInfo.get("/Marked", False)) if "/MarkInfo" in pdf.Root else False
            )
            self.display_title = bool(
                pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)
            )
            self.xmp = (
                bytes(pdf.Root.Metadata.read_bytes()).decode("utf-8")
                if "/Metadata" in pdf.Root
                else ""
            )
            self.title = str(pdf.docinfo.get("/Title", ""))
            pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
            self.root = Node("StructTreeRoot", self.lang, None, None)
            tree = pdf.Root.get("/StructTreeRoot")
            assert tree is not None, "no structure tree: the PDF is not tagged"
            self._kids(tree.get("/K"), self.root, pages, None)
        self.runs = self._runs()

    def _kids(self, k: Any, parent: Node, pages: dict[Any, int], page: int | None) -> None:
        if k is None:
            return
        if isinstance(k, pikepdf.Array):
            for item in k:
                self._kids(item, parent, pages, page)
            return
        if isinstance(k, int):  # a marked-content id on the element's page
            assert page is not None
            parent.refs.append((page, int(k)))
            return
        if not isinstance(k, pikepdf.Dictionary):
            return
        here = pages.get(k.Pg.objgen, page) if "/Pg" in k else page
        kind = k.get("/Type")
        if kind == "/MCR":
            parent.refs.append((here if here is not None else -1, int(k.MCID)))
            return
        if kind == "/OBJR" or "/S" not in k:
            return
        attrs = k.get("/A")
        scope = None
        for a in [attrs] if isinstance(attrs, pikepdf.Dictionary) else list(attrs or []):
            if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
                scope = str(a.Scope)[1:]
        lang = str(k.Lang) if "/Lang" in k else parent.lang
        node = Node(str(k.S)[1:], lang, str(k.Alt) if "/Alt" in k else None, scope)
        parent.children.append(node)
        self._kids(k.get("/K"), node, pages, here)

    def _runs(self) -> dict[tuple[int, int], Run]:
        out: dict[tuple[int, int], Run] = {}
        texts: dict[tuple[int, int], list[str]] = {}
        self.untagged: list[str] = []
        with pdfplumber.open(self.path) as pdf:
            for i, page in enumerate(pdf.pages):
                for c in page.chars:
                    mcid = c.get("mcid")
                    if mcid is None:
                        if c.get("tag") != "Artifact":
                            self.untagged.append(c["text"])
                        continue
                    key = (i, int(mcid))
                    if key not in out:
                        out[key] = Run("", c["top"], c["x0"])
                    texts.setdefault(key, []).append(c["text"])
        return {k: Run("".join(texts[k]), r.top, r.x0) for k, r in out.items()}

    def nodes(self, kind: str) -> list[Node]:
        return [n for n in self.root.walk() if n.type == kind]

    def text(self, node: Node) -> str:
        return "".join(self.runs[r].text for r in node.all_refs() if r in self.runs)

    def reading(self) -> list[tuple[str, str]]:
        """(language, text) of every marked-content run, in the structure tree's order."""
        out: list[tuple[str, str]] = []

        def visit(node: Node) -> None:
            for ref in node.refs:
                if ref in self.runs:
                    out.append((node.lang or "", self.runs[ref].text))
            for child in node.children:
                visit(child)

        visit(self.root)
        return out

    def blocks(self) -> list[Node]:
        """The block-level elements (paragraphs, headings, cells, list labels and bodies)
        that hold text, in the structure tree's order, outermost only."""
        out: list[Node] = []

        def visit(node: Node) -> None:
            if node.type in BLOCKS:
                if any(r in self.runs for r in node.all_refs()):
                    out.append(node)
                return
            for child in node.children:
                visit(child)

        visit(self.root)
        return out

    def order_breaks(self, tolerance: float = 2.0) -> list[str]:
        """Places where the structure tree's order is not the order on the page: each
        block starts below the one before, or on the same line to its right (table cells,
        a label and its value), page after page."""
        starts = []
        for node in self.blocks():
            ref = next(r for r in node.all_refs() if r in self.runs)
            starts.append((ref[0], self.runs[ref], node.type))
        breaks = []
        for (pa, ra, _), (pb, rb, kind) in itertools.pairwise(starts):
            if pb > pa:
                continue
            if pb < pa:
                breaks.append(f"page {pb + 1} read after page {pa + 1}: {rb.text!r}")
                continue
            below = rb.top > ra.top + tolerance
            right_on_line = abs(rb.top - ra.top) <= tolerance and rb.x0 > ra.x0
            if not (below or right_on_line):
                breaks.append(f"page {pa + 1}: {kind} {rb.text!r} read after {ra.text!r}")
        return breaks


BLOCKS = {"P", "H1", "H2", "H3", "H4", "H5", "H6", "TH", "TD", "Lbl", "LBody"}
