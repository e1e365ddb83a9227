"""A copy of a Word document with comments on, or edits to, ranges of its extracted text.

:class:`WordEditor` reads a .docx as the loader does, recording where each
character of ``Document.text`` comes from (:mod:`.positions`), so a range of the
text — a finding's ``[start, end)`` — can be found among the runs of
``word/document.xml``. Runs are split where a range begins or ends inside one
(the split halves keep the run's formatting), then:

* :meth:`WordEditor.comment` wraps the range in ``w:commentRangeStart`` /
  ``w:commentRangeEnd`` and adds a ``w:commentReference`` run and the comment
  in ``word/comments.xml`` (created, with its relationship and content type,
  when the document has none); a range in a table cell is anchored on the whole
  cell, an empty range on its paragraph;
* :meth:`WordEditor.replace` replaces the range's characters (for fixes).

:meth:`WordEditor.save` returns the bytes of the copy: every other part of the
package is copied unchanged, and the original file is never touched.
"""

from __future__ import annotations

import copy
import io
import posixpath
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from reportlint.loaders.docx import WordPackage, parse_xml, read_word
from reportlint.loaders.docx.positions import CellOrigin, TextPositions
from reportlint.sources import Source

if TYPE_CHECKING:
    from lxml.etree import _Element

    from reportlint.core.model import Document
    from reportlint.loaders.docx.styles import WordNames

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_COMMENTS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_RELATIONSHIP = {
    False: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
    True: "http://purl.oclc.org/ooxml/officeDocument/relationships/comments",
}


@dataclass
class _Piece:
    """A ``w:t`` element holding ``length`` characters of the text from ``start`` (after ``skipped`` characters of its own)."""

    start: int
    length: int
    element: _Element
    skipped: int

    @property
    def end(self) -> int:
        return self.start + self.length


class WordEditor:
    """Comments on and edits to ranges of a Word document's extracted text, written to a copy."""

    def __init__(self, source: Source) -> None:
        reading = read_word(source, track_text=True)
        assert reading.positions is not None
        self.document: Document = reading.document
        self._package: WordPackage = reading.package
        self._w: WordNames = reading.names
        self._root = reading.package.document
        positions: TextPositions = reading.positions
        self._pieces = sorted(
            (_Piece(origin.start, origin.length, origin.element, origin.skipped) for origin in positions.origins),
            key=lambda piece: piece.start,
        )
        self._cells: list[CellOrigin] = positions.cells
        self._comments_root = parse_xml(self._package.part("comments"))
        existing = self._comments_root.iter(self._w.comment) if self._comments_root is not None else ()
        ids = [int(value) for comment in existing if (value := comment.get(self._w.id) or "").isdigit()]
        self._next_id = max([*ids, *self._body_comment_ids()], default=-1) + 1
        self._new_comments: list[_Element] = []
        self._changed = False

    # ------------------------------------------------------------------ comments

    def comment(self, start: int, end: int, paragraphs: Sequence[str], author: str = "reportlint", initials: str = "RL") -> bool:
        """Add a comment with these paragraphs on ``[start, end)`` (a cell's range: the cell); False when nothing can hold it."""
        w = self._w
        cell = self._cell_at(start) if end >= start else None
        identifier = str(self._next_id)
        if cell is not None:
            first, last = self._cell_paragraphs(cell.element)
            if first is None or last is None:
                return False
            self._mark_paragraphs(first, last, identifier)
        else:
            runs = self._runs_for(start, end) if end > start else None
            if runs is None:
                piece = self._nearest(start)
                paragraph = next(piece.element.iterancestors(w.p), None) if piece is not None else self._root.find(f".//{w.p}")
                if paragraph is None:
                    return False
                self._mark_paragraphs(paragraph, paragraph, identifier)
            else:
                first_run, last_run = runs
                first_run.addprevious(self._element("commentRangeStart", identifier))
                end_mark = self._element("commentRangeEnd", identifier)
                last_run.addnext(end_mark)
                end_mark.addnext(self._reference_run(identifier))
        self._new_comments.append(self._comment_element(identifier, paragraphs, author, initials))
        self._next_id += 1
        self._changed = True
        return True

    def _cell_at(self, offset: int) -> CellOrigin | None:
        return next((cell for cell in self._cells if cell.start <= offset <= cell.end), None)

    def _cell_paragraphs(self, cell: _Element) -> tuple[_Element | None, _Element | None]:
        w = self._w
        paragraphs = [child for child in cell if child.tag == w.p] or list(cell.iter(w.p))
        return (paragraphs[0], paragraphs[-1]) if paragraphs else (None, None)

    def _mark_paragraphs(self, first: _Element, last: _Element, identifier: str) -> None:
        """A comment over whole paragraphs: the start after the first one's properties, the end and reference closing the last."""
        w = self._w
        index = 1 if len(first) and first[0].tag == w.pPr else 0
        first.insert(index, self._element("commentRangeStart", identifier))
        last.append(self._element("commentRangeEnd", identifier))
        last.append(self._reference_run(identifier))

    def _element(self, local: str, identifier: str) -> _Element:
        from lxml import etree

        element = etree.Element(getattr(self._w, local))
        element.set(self._w.id, identifier)
        return element

    def _reference_run(self, identifier: str) -> _Element:
        from lxml import etree

        run = etree.Element(self._w.r)
        reference = etree.SubElement(run, self._w.commentReference)
        reference.set(self._w.id, identifier)
        return run

    def _comment_element(self, identifier: str, paragraphs: Sequence[str], author: str, initials: str) -> _Element:
        from lxml import etree

        w = self._w
        comment = etree.Element(w.comment)
        comment.set(w.id, identifier)
        comment.set(w.author, author)
        comment.set(w.date, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        comment.set(w.initials, initials)
        for index, text in enumerate(paragraphs or [""]):
            paragraph = etree.SubElement(comment, w.p)
            if index == 0:
                etree.SubElement(etree.SubElement(paragraph, w.r), w.annotationRef)
            run = etree.SubElement(paragraph, w.r)
            self._set_text(etree.SubElement(run, w.t), text)
        return comment

    def _body_comment_ids(self) -> list[int]:
        w = self._w
        found: list[int] = []
        for tag in (w.commentRangeStart, w.commentReference):
            found.extend(int(value) for element in self._root.iter(tag) if (value := element.get(w.id) or "").isdigit())
        return found

    # ------------------------------------------------------------------ edits

    def covers(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is all run text (so :meth:`replace` can edit it); an empty range: inside or after run text."""
        if end <= start:
            return any(piece.start < start <= piece.end for piece in self._pieces)
        covered = sum(min(piece.end, end) - max(piece.start, start) for piece in self._pieces if piece.start < end and piece.end > start)
        return covered == end - start

    def replace(self, start: int, end: int, replacement: str) -> bool:
        """Replace the text of ``[start, end)``; False (and nothing changed) when the range is not all run text."""
        if end < start:
            return False
        if end == start:
            return self._insert(start, replacement)
        self._split(start)
        self._split(end)
        covered = [piece for piece in self._pieces if piece.start >= start and piece.end <= end and piece.length]
        if sum(piece.length for piece in covered) != end - start:
            return False  # part of the range is a tab, a break or a list label: not run text
        first = covered[0]
        self._set_text(first.element, (first.element.text or "")[: first.skipped] + replacement)
        for piece in covered[1:]:
            self._set_text(piece.element, (piece.element.text or "")[: piece.skipped])
            piece.length = 0
        first.length = len(replacement)
        self._shift(end, len(replacement) - (end - start), exclude=covered)
        self._changed = True
        return True

    def _insert(self, offset: int, text: str) -> bool:
        piece = next((piece for piece in self._pieces if piece.start < offset <= piece.end), None)
        if piece is None:
            return False
        inner = offset - piece.start + piece.skipped
        value = piece.element.text or ""
        self._set_text(piece.element, value[:inner] + text + value[inner:])
        piece.length += len(text)
        self._shift(offset, len(text), exclude=[piece])
        self._changed = True
        return True

    def _shift(self, from_offset: int, delta: int, exclude: Sequence[_Piece]) -> None:
        if not delta:
            return
        skipped = {id(piece) for piece in exclude}
        for piece in self._pieces:
            if id(piece) not in skipped and piece.start >= from_offset:
                piece.start += delta

    # ------------------------------------------------------------------ runs

    def _nearest(self, offset: int) -> _Piece | None:
        holding = next((piece for piece in self._pieces if piece.start <= offset < piece.end), None)
        if holding is not None:
            return holding
        after = next((piece for piece in self._pieces if piece.start >= offset and piece.length), None)
        return after or next((piece for piece in reversed(self._pieces) if piece.length), None)

    def _runs_for(self, start: int, end: int) -> tuple[_Element, _Element] | None:
        """The first and last runs holding ``[start, end)`` after splitting at its ends, or None when no run text is in it."""
        self._split(start)
        self._split(end)
        inside = [piece for piece in self._pieces if piece.length and piece.start < end and piece.end > start]
        if not inside:
            return None
        return inside[0].element.getparent(), inside[-1].element.getparent()

    def _split(self, offset: int) -> None:
        """Split the run holding ``offset`` strictly inside one of its ``w:t`` so the offset falls between runs."""
        from lxml import etree

        index = next((index for index, piece in enumerate(self._pieces) if piece.start < offset < piece.end), None)
        if index is None:
            return
        piece = self._pieces[index]
        text_element = piece.element
        run = text_element.getparent()
        if run is None or run.tag != self._w.r:
            return
        cut = offset - piece.start + piece.skipped
        value = text_element.text or ""
        new_run = etree.Element(run.tag, dict(run.attrib))
        properties = run[0] if len(run) and run[0].tag == self._w.rPr else None
        if properties is not None:
            new_run.append(copy.deepcopy(properties))
        new_text = etree.SubElement(new_run, self._w.t)
        self._set_text(new_text, value[cut:])
        self._set_text(text_element, value[:cut])
        following = list(text_element.itersiblings())
        for sibling in following:
            new_run.append(sibling)  # the rest of the run (tabs, more text) moves with the second half
        run.addnext(new_run)
        self._pieces.insert(index + 1, _Piece(offset, piece.end - offset, new_text, 0))
        piece.length = offset - piece.start

    @staticmethod
    def _set_text(element: _Element, text: str) -> None:
        element.text = text
        if text != text.strip() or "  " in text:
            element.set(_XML_SPACE, "preserve")

    # ------------------------------------------------------------------ writing

    def save(self) -> bytes:
        """The bytes of the edited copy of the package."""
        from lxml import etree

        package = self._package
        archive = package.archive
        main = package.main
        replaced = {main: _xml_bytes(self._root)}
        comments_path = package.part_path("comments")
        if self._new_comments:
            if self._comments_root is None:
                self._comments_root = etree.Element(self._w.comments, nsmap={"w": self._w.namespace})
                comments_path = posixpath.join(posixpath.dirname(main), "comments.xml")
                replaced[_relationships_path(main)] = self._relationships_with_comments(archive, main)
                replaced["[Content_Types].xml"] = _content_types_with_comments(archive, "/" + comments_path)
            for comment in self._new_comments:
                self._comments_root.append(comment)
            assert comments_path is not None
            replaced[comments_path] = _xml_bytes(self._comments_root)
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy_archive:
            written = set()
            for info in archive.infolist():
                data = replaced.get(info.filename)
                copy_archive.writestr(info, data if data is not None else archive.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
                written.add(info.filename)
            for name, data in replaced.items():
                if name not in written:
                    copy_archive.writestr(name, data)
        return output.getvalue()

    def _relationships_with_comments(self, archive: zipfile.ZipFile, main: str) -> bytes:
        from lxml import etree

        path = _relationships_path(main)
        root = parse_xml(archive.read(path)) if path in archive.namelist() else None
        if root is None:
            root = etree.Element(f"{{{_PACKAGE_RELATIONSHIPS}}}Relationships", nsmap={None: _PACKAGE_RELATIONSHIPS})
        taken = {relationship.get("Id") for relationship in root}
        number = 1 + max((int(match.group(1)) for value in taken if value and (match := re.fullmatch(r"rId(\d+)", value))), default=0)
        relationship = etree.SubElement(root, f"{{{_PACKAGE_RELATIONSHIPS}}}Relationship")
        relationship.set("Id", f"rId{number}")
        relationship.set("Type", _COMMENTS_RELATIONSHIP["purl.oclc.org" in self._w.namespace])
        relationship.set("Target", "comments.xml")
        return _xml_bytes(root)


def _relationships_path(main: str) -> str:
    folder, name = posixpath.split(main)
    return posixpath.join(folder, "_rels", name + ".rels")


def _content_types_with_comments(archive: zipfile.ZipFile, part_name: str) -> bytes:
    from lxml import etree

    root = parse_xml(archive.read("[Content_Types].xml"))
    if root is None:
        root = etree.Element(f"{{{_CONTENT_TYPES}}}Types", nsmap={None: _CONTENT_TYPES})
    if not any(item.get("PartName") == part_name for item in root):
        override = etree.SubElement(root, f"{{{_CONTENT_TYPES}}}Override")
        override.set("PartName", part_name)
        override.set("ContentType", _COMMENTS_CONTENT_TYPE)
    return _xml_bytes(root)


def _xml_bytes(root: _Element) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
