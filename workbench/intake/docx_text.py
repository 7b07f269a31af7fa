""".docx drafts read with the standard library (xml.etree): the reading path.

python-docx costs ~90 ms to import and ~40 ms to open a draft, most of a
``workbench check``'s start-up; reading needs none of its object model. This
module gives exactly what ``docx_reader.read_docx`` gives (the same text,
paragraphs and notes; tests/unit/intake/test_docx_text.py compares them on
every .docx the tests make and on the sample), following the same rules: see
docx_reader's docstring. It reads a well-formed ordinary document. Anything
else — a part or relationship missing, XML the two parsers could read
differently (a DTD, comments, CDATA, very deep nesting), any error at all —
goes to ``docx_reader``, which reads it or says in Chinese what is wrong,
exactly as before. python-docx stays where the program writes .docx.
"""

from __future__ import annotations

import hashlib
import posixpath
import threading
from xml.etree import ElementTree as ET

from workbench.intake.docx_numbering import W_ILVL, W_NUMID, W_NUMPR, W_PPR, Numbering, qn
from workbench.intake.model import Document
from workbench.intake.zip_guard import safe_parts

W_P, W_TBL, W_TR, W_TC, W_R = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r")
W_T, W_TAB, W_BR, W_CR, W_TYPE = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:type")
W_DEL, W_INS, W_MOVEFROM = qn("w:del"), qn("w:ins"), qn("w:moveFrom")
W_SDT, W_SDTCONTENT, W_TXBX = qn("w:sdt"), qn("w:sdtContent"), qn("w:txbxContent")
W_BODY, W_SECTPR, W_VAL = qn("w:body"), qn("w:sectPr"), qn("w:val")
W_PSTYLE, W_STYLE, W_STYLEID, W_STYLES = qn("w:pStyle"), qn("w:style"), qn("w:styleId"), qn("w:styles")
W_HEADER_REF, W_FOOTER_REF = qn("w:headerReference"), qn("w:footerReference")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_INLINE = (W_DEL, W_MOVEFROM, W_TXBX, MC_FALLBACK)
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_DOCUMENT, RT_STYLES, RT_NUMBERING = _RT + "officeDocument", _RT + "styles", _RT + "numbering"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT, CT_STYLES, CT_NUMBERING = _WML + "document.main+xml", _WML + "styles+xml", _WML + "numbering+xml"
CT_HEADER, CT_FOOTER = _WML + "header+xml", _WML + "footer+xml"
# The parts python-docx parses as XML when it opens a package: a broken one makes it refuse the file.
PARSED_BY_PYTHON_DOCX = {
    CT_DOCUMENT, CT_STYLES, CT_NUMBERING, CT_HEADER, CT_FOOTER, _WML + "settings+xml", _WML + "comments+xml",
    "application/vnd.openxmlformats-package.core-properties+xml",
}
MAX_DEPTH = 200  # lxml (python-docx's parser) refuses XML nested past 256 levels
MAX_PART_BYTES = 9_000_000  # ... and a text node past 10 MB
W_DOCUMENT, W_HDR, W_FTR = qn("w:document"), qn("w:hdr"), qn("w:ftr")


class Unsure(Exception):
    """This file is not one the plain reader vouches for: docx_reader decides."""


def read_docx(path: str) -> Document:
    """The draft at ``path``; the same Document as ``docx_reader.read_docx`` gives, or its InputError."""
    parts = safe_parts(path)  # the same checks and InputErrors as before, first
    try:
        return read_plain(path, parts)
    except Exception:  # noqa: BLE001 - any doubt at all: the python-docx reader reads it or refuses it
        from workbench.intake.docx_reader import read_docx as read_with_python_docx

        return read_with_python_docx(path)


def read_plain(path: str, parts: dict[str, bytes] | None = None) -> Document:
    """The draft read here alone; ``Unsure`` (or any other error) when docx_reader must decide."""
    return _read(path, _Package(safe_parts(path) if parts is None else parts))


def parse_xml(data: bytes) -> ET.Element:
    """The element tree of one part, refusing what lxml could read differently."""
    if b"\x00" in data[:200] or len(data) > MAX_PART_BYTES:
        raise Unsure("not UTF-8, or larger than lxml reads without huge_tree")
    instructions = data.count(b"<?") - (data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and 1)
    if b"<!DOCTYPE" in data or b"<!--" in data or b"<![CDATA[" in data or instructions:
        # lxml keeps comments and instructions as nodes that cut a w:t's text; ElementTree drops them
        raise Unsure("DTD, comment, CDATA or processing instruction")
    root = ET.fromstring(data)
    _check_depth(root, 1)
    return root


def _check_depth(el: ET.Element, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise Unsure("nested too deep")
    for child in el:
        _check_depth(child, depth + 1)


class _Package:
    """The parts of an OPC package reachable from its relationships, as python-docx walks them."""

    def __init__(self, parts: dict[str, bytes]):
        self.parts = parts  # member name → bytes, as zip_guard unpacked them
        types = parse_xml(parts["[Content_Types].xml"])
        self.overrides, self.defaults = {}, {}
        for el in types.findall(CT_NS + "Override"):
            self.overrides[_required(el, "PartName").lower()] = _required(el, "ContentType")
        for el in types.findall(CT_NS + "Default"):
            self.defaults[_required(el, "Extension").lower()] = _required(el, "ContentType")
        self.rels: dict[str, list[tuple[str, str, str | None]]] = {}  # partname → (rId, type, target partname)
        self.trees: dict[str, ET.Element] = {}
        self.package_rels = self._walk("/")

    def _walk(self, source: str) -> list:
        """Relationships of ``source`` (a partname, or "/" for the package); visits their targets."""
        base = posixpath.split(source)[0] if source != "/" else "/"
        directory, name = posixpath.split(source)
        rels_member = (posixpath.join(directory, "_rels", name + ".rels") if source != "/" else "/_rels/.rels")[1:]
        rels = []
        if rels_member in self.parts:
            for el in parse_xml(self.parts[rels_member]).findall(REL_NS + "Relationship"):
                rid, reltype, target = _required(el, "Id"), _required(el, "Type"), _required(el, "Target")
                if el.get("TargetMode", "Internal") == "External":
                    rels.append((rid, reltype, None))
                else:
                    rels.append((rid, reltype, posixpath.abspath(posixpath.join(base, target))))
        self.rels[source] = rels
        for _, _, partname in rels:
            if partname is None or partname in self.rels:
                continue
            if partname[1:] not in self.parts:
                raise Unsure(f"missing part {partname}")
            content_type = self.content_type(partname)
            self.rels[partname] = []  # visited before its own relationships, as python-docx does
            if content_type == CT_STYLES:
                self.trees[partname] = styles_tree(self.parts[partname[1:]])
            elif content_type in PARSED_BY_PYTHON_DOCX:
                self.trees[partname] = parse_xml(self.parts[partname[1:]])
            self._walk(partname)
        return rels

    def content_type(self, partname: str) -> str:
        if partname.lower() in self.overrides:
            return self.overrides[partname.lower()]
        ext = posixpath.splitext(partname)[1]
        ext = ext[1:] if ext.startswith(".") else ext
        if ext.lower() in self.defaults:
            return self.defaults[ext.lower()]
        raise Unsure(f"no content type for {partname}")

    def related(self, source: str, reltype: str, content_type: str) -> ET.Element | None:
        """The one part of ``reltype`` from ``source``, or None; Unsure when python-docx would choke on it."""
        targets = [t for _, kind, t in self.rels[source] if kind == reltype]
        if not targets:
            return None
        if len(targets) > 1 or targets[0] is None or self.content_type(targets[0]) != content_type:
            raise Unsure(f"odd {reltype} relationship")
        return self.trees[targets[0]]

    def by_id(self, source: str, rid: str | None, content_type: str) -> ET.Element:
        for r, _, target in self.rels[source]:
            if r == rid and target is not None and self.content_type(target) == content_type:
                return self.trees[target]
        raise Unsure(f"relationship {rid} missing")


# -- the styles part, read once per template ----------------------------------------------
#
# Of the styles part (hundreds of KB in Word's and python-docx's templates: ~15 ms to parse,
# more than the rest of a draft) the reader uses only which styles number their paragraphs
# (w:style/w:pPr/w:numPr). Drafts made from one template share the part byte for byte, so what
# an identical part gave before is used again: in this process (a folder of drafts), and in
# later ones through a table in the cache folder (workbench.compiled_cache: its key holds the
# program's code, so an edit of this reader makes the table a miss; a damaged file is a miss).
# A part not seen before is parsed as every other part, with the same refusals.

_STYLES_TABLE = "docx-styles"
_STYLES_MAX = 200  # parts remembered in the cache folder
_styles_known: dict[bytes, tuple] | None = None  # sha256 of a styles part → _numbered_styles of it
_styles_lock = threading.Lock()


def styles_tree(data: bytes) -> ET.Element:
    """The styles part as far as the reader uses it: each numbered w:style with its w:pPr/w:numPr."""
    digest = hashlib.sha256(data).digest()
    known = _known_styles()
    summary = known.get(digest)
    if summary is None:
        summary = _numbered_styles(parse_xml(data))
        with _styles_lock:
            known[digest] = summary
            _save_styles(known)
    return _styles_element(summary)


def _numbered_styles(root: ET.Element) -> tuple:
    """(styleId, (numId's w:val,) or None, (ilvl's w:val,) or None) of each w:style whose first
    w:pPr has a w:numPr: all that ``_read`` and ``Numbering.label`` look at, in document order."""
    out = []
    for el in root.findall(W_STYLE):
        ppr = el.find(W_PPR)
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        if numpr is not None:
            num_id, ilvl = numpr.find(W_NUMID), numpr.find(W_ILVL)
            out.append((el.get(W_STYLEID), None if num_id is None else (num_id.get(W_VAL),),
                        None if ilvl is None else (ilvl.get(W_VAL),)))
    return tuple(out)


def _styles_element(summary: tuple) -> ET.Element:
    root = ET.Element(W_STYLES)
    for style_id, num_id, ilvl in summary:
        style = ET.SubElement(root, W_STYLE, {} if style_id is None else {W_STYLEID: style_id})
        numpr = ET.SubElement(ET.SubElement(style, W_PPR), W_NUMPR)
        for tag, value in ((W_NUMID, num_id), (W_ILVL, ilvl)):
            if value is not None:
                ET.SubElement(numpr, tag, {} if value[0] is None else {W_VAL: value[0]})
    return root


def _styles_file():
    from workbench.compiled_cache import _cache_file, _key

    path = _cache_file(_STYLES_TABLE, [])
    return (path, _key(_STYLES_TABLE, [], (), [])) if path is not None else (None, b"")


def _known_styles() -> dict[bytes, tuple]:
    global _styles_known
    with _styles_lock:
        if _styles_known is None:
            table: dict = {}
            try:
                from workbench.compiled_cache import _read

                path, key = _styles_file()
                found = _read(path, key, ()) if path is not None else None
                if isinstance(found, dict):
                    table = {k: v for k, v in found.items() if isinstance(k, bytes) and isinstance(v, tuple)}
            except Exception:  # noqa: BLE001 - no cache folder, an unreadable table: parse as before
                pass
            _styles_known = table
        return _styles_known


def _save_styles(known: dict) -> None:
    try:
        from workbench.compiled_cache import _write

        path, key = _styles_file()
        if path is not None:
            _write(path, key, dict(list(known.items())[-_STYLES_MAX:]))
    except Exception:  # noqa: BLE001 - a full disk, a read-only folder: the next start parses it again
        pass


def _required(el: ET.Element, name: str) -> str:
    value = el.get(name)
    if value is None:
        raise Unsure(f"{name} missing")
    return value


# -- the text, by the same rules as docx_reader (which walks lxml's parent links) ---------

def _pieces(el: ET.Element, out: list[str]) -> None:
    """The visible text of a w:p's descendants, appended to ``out`` (docx_reader.paragraph_pieces)."""
    for child in el:
        tag = child.tag
        if tag in _NOT_INLINE:
            continue
        if tag == W_T:
            out.append(child.text or "")
        elif tag == W_TAB:
            if el.tag == W_R:
                out.append("\t")
        elif tag in (W_BR, W_CR):
            if child.get(W_TYPE) not in ("page", "column"):
                out.append("\n")
        _pieces(child, out)


def paragraph_text(p_el: ET.Element) -> str:
    out: list[str] = []
    _pieces(p_el, out)
    return "".join(out)


def text_boxes(el: ET.Element, out: list | None = None) -> list:
    """Text boxes anchored under ``el``, each once: not the VML copy, not boxes inside boxes."""
    out = [] if out is None else out
    for child in el:
        if child.tag == W_TXBX:
            out.append(child)
        elif child.tag != MC_FALLBACK:
            text_boxes(child, out)
    return out


def _paragraphs_outside_boxes(el: ET.Element, out: list) -> list:
    """Every w:p under ``el`` that is not inside a text box below ``el``, in document order."""
    for child in el:
        if child.tag == W_TXBX:
            continue
        if child.tag == W_P:
            out.append(child)
        _paragraphs_outside_boxes(child, out)
    return out


def _count(el: ET.Element, tag: str) -> int:
    """Descendants of ``el`` (not ``el`` itself) with ``tag``."""
    return sum(1 for d in el.iter(tag) if d is not el)


def _body_items(body: ET.Element, numbering: Numbering, style_numpr: dict) -> list[tuple[ET.Element, str, dict]]:
    items: list[tuple[ET.Element, str, dict]] = []
    table_count = 0

    def paragraph_item(p_el, **attrs):
        ppr = p_el.find(W_PPR)
        pstyle = ppr.find(W_PSTYLE) if ppr is not None else None
        style_id = _required(pstyle, W_VAL) if pstyle is not None else ""
        label = numbering.label(p_el, style_numpr.get(style_id))
        text = paragraph_text(p_el)
        prefix = ""
        if label and not text.startswith(label):
            prefix = label + ("" if label.endswith(("条", "、", "）", ")", "章", "节")) else " ")
        items.append((p_el, prefix + text, dict(attrs, style=style_id)))
        for box in text_boxes(p_el):
            walk(box, source="textbox")

    def walk(container, **attrs):
        nonlocal table_count
        for child in container:
            if child.tag == W_P:
                paragraph_item(child, **attrs)
            elif child.tag == W_TBL:
                t = table_count
                table_count += 1
                for r, tr in enumerate(child.findall(W_TR)):
                    for c, tc in enumerate(tr.findall(W_TC)):
                        for p_el in _paragraphs_outside_boxes(tc, []):
                            paragraph_item(p_el, source="table", table=(t, r, c))
            elif child.tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    walk(content, **attrs)

    walk(body)
    return items


def _sections(document: ET.Element) -> list[ET.Element]:
    """w:body/w:p/w:pPr/w:sectPr and w:body/w:sectPr, in document order (python-docx's sections)."""
    out = []
    for body in document.findall(W_BODY):
        for child in body:
            if child.tag == W_P:
                for ppr in child.findall(W_PPR):
                    out.extend(ppr.findall(W_SECTPR))
            elif child.tag == W_SECTPR:
                out.append(child)
    return out


def _margin_items(package: _Package, main: str, document: ET.Element) -> list[tuple[str, dict]]:
    """Header and footer paragraphs, each distinct one once (docx_reader.margin_paragraphs).

    A header "linked to the previous section" repeats one already read, so only
    sections that define their own add text.
    """
    margins: list[tuple[str, dict]] = []
    seen: set[tuple[str, str]] = set()
    for sect in _sections(document):
        for source, ref_tag, content_type in (("header", W_HEADER_REF, CT_HEADER), ("footer", W_FOOTER_REF, CT_FOOTER)):
            ref = next((r for r in sect.findall(ref_tag) if r.get(W_TYPE) == "default"), None)
            if ref is None:
                continue
            part = package.by_id(main, ref.get(R_ID), content_type)
            if part.tag not in (W_HDR, W_FTR):
                raise Unsure("header part is not a w:hdr")
            for p in part.findall(W_P):
                boxed = [q for box in text_boxes(p) for q in _paragraphs_outside_boxes(box, [])]
                for p_el in (p, *boxed):
                    text = paragraph_text(p_el).strip()
                    if text and (source, text) not in seen:
                        seen.add((source, text))
                        margins.append((text, {"source": source}))
    return margins


def _read(path: str, package: _Package) -> Document:
    targets = [t for _, kind, t in package.package_rels if kind == RT_DOCUMENT]
    if len(targets) != 1 or targets[0] is None or package.content_type(targets[0]) != CT_DOCUMENT:
        raise Unsure("main document part")
    main = targets[0]
    document = package.trees[main]
    if document.tag != W_DOCUMENT:
        raise Unsure("main part is not a w:document")
    body = document.find(W_BODY)
    if body is None:
        raise Unsure("no body")  # docx_reader says so in Chinese
    styles = package.related(main, RT_STYLES, CT_STYLES)
    if styles is None:
        raise Unsure("no styles part")  # python-docx would supply its default styles
    numbering = Numbering(package.related(main, RT_NUMBERING, CT_NUMBERING))
    style_numpr = {}
    for el in styles.findall(W_STYLE):
        ppr = el.find(W_PPR)
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        if numpr is not None:
            style_numpr[el.get(W_STYLEID)] = numpr
    margins = _margin_items(package, main, document)
    body_items = _body_items(body, numbering, style_numpr)
    inserted = sum(_count(el, W_INS) for el, _, _ in body_items)
    deleted = sum(_count(el, W_DEL) for el, _, _ in body_items)
    # Headers and footers first, as docx_reader: the body must end the text.
    doc = Document.from_paragraphs(path, margins + [(text, attrs) for _, text, attrs in body_items], "docx")
    if inserted or deleted:
        doc.notes.append(f"文档含修订痕迹（插入 {inserted} 处、删除 {deleted} 处）：按接受全部修订后的文字审查。")
    return doc
