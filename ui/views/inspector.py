"""The inspector: everything known about the selected item, and the place to annotate it."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.annotator import Annotator
from ui.i18n import Retranslatable
from ui.models.item_model import human_size, kind_label
from ui.reader import VARIANT_BLUR, VARIANT_GRAY, safe_image
from ui.services import Services
from ui.session import CaseSession
from ui.settings import MINOR_TAGS
from workstation import casework, records
from workstation.errors import WorkstationError
from workstation.records import ItemDetails, ItemRecord, ItemRef

CSS = """
body { font-size: 10pt; }
h3 { margin: 10px 0 4px 0; font-size: 10.5pt; color: #1f618d; }
table { border-collapse: collapse; }
td { padding: 1px 8px 1px 0; vertical-align: top; }
td.k { color: #666; white-space: nowrap; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
.muted { color: #888; }
"""


EXIF_FIRST = (
    "DateTimeOriginal",
    "OffsetTimeOriginal",
    "DateTime",
    "Make",
    "Model",
    "LensModel",
    "Software",
    "Artist",
    "ImageDescription",
    "Orientation",
)


class StaticBrowser(QTextBrowser):
    """A text browser that never loads anything: no files, no network, no case resources."""

    def loadResource(self, type_: int, name: QUrl) -> Any:  # noqa: N802 - Qt override
        return None


def _row(key: str, value: str, mono: bool = False) -> str:
    cls = ' class="mono"' if mono else ""
    return f'<tr><td class="k">{html.escape(key)}</td><td{cls}>{value}</td></tr>'


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _link(ref: ItemRef) -> str:
    kind = _esc(kind_label(ref.kind))
    return f"<a href='item:{ref.id}'>#{ref.id} {_esc(ref.name)}</a> <span class='muted'>{kind}</span>"


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's current width (QTreeView alone keeps
    one line per row and cuts the rest, whatever wordWrap says)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        if not text:
            return hint
        width = self.tree.columnWidth(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.tree.indentation() * (depth + 1) + 28  # branch indent and check box
        width = max(width - 8, 40)
        metrics = option.fontMetrics
        rect = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class Inspector(Retranslatable, QWidget):
    """Right-hand panel for the current item (or a summary for a multi-selection).

    Signals:
        item_requested(item_id): the analyst followed a link to another item.
        open_requested(item_id): open the item's viewer.
        reveal_changed(item_id, on): the analyst revealed (or hid again) the current picture.
    """

    item_requested = Signal(int)
    open_requested = Signal(int)
    cluster_requested = Signal(int)
    reveal_changed = Signal(int, bool)

    def __init__(
        self, session: CaseSession, services: Services, annotator: Annotator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.services = services
        self.annotator = annotator
        self.item_id: int | None = None
        self.selection: list[int] = []
        self.item: ItemRecord | None = None
        self.safe_view = False
        self.blur_minors = True
        self.revealed = False
        self.revealed_items: set[int] = set()  # the window shares its grid's revealed items here
        self.waiting_for_clusters = False
        self.min_suggestion_score = 0  # suggestions of indicators weighing less (0-100) are not shown
        self.setObjectName("inspector")
        self.setMinimumWidth(300)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(180)
        self.preview.setStyleSheet("background: palette(base); border: 1px solid palette(mid); border-radius: 4px;")
        layout.addWidget(self.preview)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self.item_id and self.open_requested.emit(self.item_id))
        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip(self.tr("Show this picture unblurred (V)"))
        self.reveal_button.toggled.connect(self._on_reveal_toggled)
        row.addWidget(self.open_button)
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.tabs = QTabWidget()
        self.details = StaticBrowser()
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        self.details.setOpenExternalLinks(False)
        self.details.document().setDefaultStyleSheet(CSS)
        self.details.anchorClicked.connect(self._on_details_anchor_clicked)
        self.tabs.addTab(self.details, self.tr("Details"))
        self.tabs.addTab(self._build_annotations(), self.tr("Annotations"))
        self.tabs.addTab(self._build_indicators(), self.tr("Indicators"))
        layout.addWidget(self.tabs, 1)
        self.show_items([])

    # -- building --------------------------------------------------------------------------------------
    def _build_annotations(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("<b>Triage</b>")))
        triage = QHBoxLayout()
        self.relevant_button = QPushButton(self.tr("Relevant"))
        self.relevant_button.setCheckable(True)
        self.relevant_button.setToolTip(self.tr("Mark relevant (R)"))
        self.not_relevant_button = QPushButton(self.tr("Not relevant"))
        self.not_relevant_button.setCheckable(True)
        self.not_relevant_button.setToolTip(self.tr("Mark not relevant (X)"))
        self.relevant_button.clicked.connect(lambda on: self._triage(casework.RELEVANT if on else None))
        self.not_relevant_button.clicked.connect(lambda on: self._triage(casework.NOT_RELEVANT if on else None))
        triage.addWidget(self.relevant_button)
        triage.addWidget(self.not_relevant_button)
        layout.addLayout(triage)
        self.exhibit_button = QPushButton(self.tr("Add to exhibits"))
        self.exhibit_button.setObjectName("exhibitButton")
        self.exhibit_button.clicked.connect(self._toggle_exhibit)
        layout.addWidget(self.exhibit_button)

        layout.addWidget(QLabel(self.tr("<b>Tags</b>")))
        tag_row = QHBoxLayout()
        self.tag_edit = QLineEdit()
        self.tag_edit.setObjectName("tagEdit")
        self.tag_edit.setPlaceholderText(self.tr("Add a tag, e.g. minor, screenshot, city:Rotterdam"))
        self.tag_edit.returnPressed.connect(self._add_tag)
        self.tag_completer = QCompleter([])
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_edit.setCompleter(self.tag_completer)
        add_tag = QPushButton(self.tr("Add"))
        add_tag.clicked.connect(self._add_tag)
        tag_row.addWidget(self.tag_edit, 1)
        tag_row.addWidget(add_tag)
        layout.addLayout(tag_row)
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tagList")
        self.tag_list.setMaximumHeight(90)
        self.tag_list.setToolTip(self.tr("Double-click a tag to remove it"))
        self.tag_list.itemDoubleClicked.connect(self._remove_tag)
        layout.addWidget(self.tag_list)

        layout.addWidget(QLabel(self.tr("<b>Notes</b>")))
        self.notes = StaticBrowser()
        self.notes.setObjectName("notes")
        self.notes.document().setDefaultStyleSheet(CSS)
        layout.addWidget(self.notes, 1)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(self.tr("Write a note (kept with your name and the time)"))
        self.note_edit.setMaximumHeight(70)
        layout.addWidget(self.note_edit)
        add_note = QPushButton(self.tr("Add note"))
        add_note.setObjectName("addNote")
        add_note.clicked.connect(self._add_note)
        layout.addWidget(add_note)
        return page

    def _build_indicators(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.indicator_info = QLabel()
        self.indicator_info.setWordWrap(True)
        layout.addWidget(self.indicator_info)
        self.indicator_tree = QTreeWidget()
        self.indicator_tree.setObjectName("indicatorTree")
        self.indicator_tree.setHeaderLabels([self.tr("Indicator"), self.tr("Status")])
        self.indicator_tree.itemChanged.connect(self._on_indicator_item_changed)
        header = self.indicator_tree.header()
        # Labels wrap instead of ending in "…": "MIG-01 · Offer aimed at r…" hid what was meant.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        header.resizeSection(1, 110)
        self.indicator_tree.setWordWrap(True)
        self.indicator_tree.setUniformRowHeights(False)
        self.indicator_tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.indicator_tree.setItemDelegate(WrappingDelegate(self.indicator_tree))
        header.sectionResized.connect(lambda *_: self.indicator_tree.doItemsLayout())
        layout.addWidget(self.indicator_tree, 1)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("Confirm suggestion"))
        self.reject_button = QPushButton(self.tr("Reject suggestion"))
        self.confirm_button.clicked.connect(lambda: self._suggestion("confirmed"))
        self.reject_button.clicked.connect(lambda: self._suggestion("rejected"))
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.reject_button)
        layout.addLayout(buttons)
        return page

    # -- showing ----------------------------------------------------------------------------------------
    def show_items(self, ids: list[int], current: int | None = None) -> None:
        """Show the current item; with several selected, say so (bulk actions apply to all)."""
        self.selection = list(ids)
        item_id = current if current is not None else (ids[0] if len(ids) == 1 else None)
        if item_id is not None and ids and item_id not in ids:
            item_id = ids[0] if len(ids) == 1 else item_id
        self.show_item(item_id)

    def show_item(self, item_id: int | None) -> None:
        if item_id != self.item_id:
            self._set_reveal_state(item_id is not None and item_id in self.revealed_items)
        self.item_id = item_id
        enabled = item_id is not None
        for widget in (self.tabs, self.open_button):
            widget.setEnabled(enabled)
        if item_id is None:
            self.item = None
            self.preview.clear()
            self.preview.setText(self.tr("No item selected"))
            self.heading.setText(self.tr("Select an item to see its provenance, hashes and annotations."))
            self.details.setHtml("")
            self.notes.setHtml("")
            self.tag_list.clear()
            self.indicator_tree.clear()
            self.reveal_button.hide()
            return
        try:
            self.item = records.item_record(self.session.case, item_id)
        except WorkstationError:  # the item vanished (another connection); show nothing rather than fail
            self.item = None
            self.show_item(None)
            return
        self.refresh()

    def refresh(self) -> None:
        if self.item_id is None:
            return
        case = self.session.case
        details = records.item_details(case, self.item_id)
        self.item = item = details.item
        tags = list(details.tags)
        n_sel = len(self.selection)
        extra = (
            "<br><span style='color:#b35c00'>"
            + self.tr("%1 items selected: annotation buttons apply to all of them.").replace("%1", str(n_sel))
            + "</span>"
            if n_sel > 1
            else ""
        )
        self.heading.setText(
            f"<b>{_esc(item.name)}</b><br>"
            f"<span style='color:#666'>{_esc(kind_label(item.kind))} · #{item.id} · "
            f"{_esc(human_size(item.size))}</span>{extra}"
        )
        self._show_preview(tags)
        self.details.setHtml(self._details_html(details))
        self._show_annotations(details)
        self._show_indicators()

    def _hidden(self, tags: list[str]) -> bool:
        if self.revealed:
            return False
        return self.safe_view or (self.blur_minors and any(t in MINOR_TAGS for t in tags))

    def _show_preview(self, tags: list[str]) -> None:
        assert self.item_id is not None
        data = self.session.case.thumbnail(self.item_id)
        hidden = self._hidden(tags)
        self.reveal_button.setVisible(bool(data) and (hidden or self.revealed))
        if not data:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(kind_label(self.item.kind) if self.item else "")
            self.preview.setFixedHeight(48)
            return
        self.preview.setMinimumHeight(180)
        self.preview.setMaximumHeight(16777215)
        image = QImage.fromData(data)
        if hidden:
            image = safe_image(image, VARIANT_BLUR | VARIANT_GRAY)
        pixmap = QPixmap.fromImage(image).scaled(
            260, 200, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.preview.setPixmap(pixmap)

    def _set_reveal_state(self, on: bool) -> None:
        self.revealed = on
        self.reveal_button.blockSignals(True)
        self.reveal_button.setChecked(on)
        self.reveal_button.blockSignals(False)
        self.reveal_button.setText(self.tr("Hide again") if on else self.tr("Reveal"))

    def set_revealed(self, on: bool) -> None:
        """Show the current picture revealed or hidden, without announcing it."""
        self._set_reveal_state(on)
        if self.item_id is not None and self.item is not None:
            self._show_preview(records.tags_of(self.session.case, self.item_id))

    def _on_reveal_toggled(self, on: bool) -> None:
        self.set_revealed(on)
        if self.item_id is not None:
            self.reveal_changed.emit(self.item_id, on)

    def _local(self, iso: str | None) -> str:
        if not iso:
            return ""
        zone = self.session.case.meta.get("timezone") or "UTC"
        try:
            moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
            local = moment.astimezone(ZoneInfo(zone))
        except ValueError:
            return _esc(iso)
        return f"{local.strftime('%Y-%m-%d %H:%M:%S')} {_esc(zone)} <span class='muted'>({_esc(iso)} UTC)</span>"

    def _details_html(self, details: ItemDetails) -> str:
        item = details.item
        return "".join(
            (
                self._identity_html(item),
                self._hashes_html(item),
                self._provenance_html(item),
                self._exif_html(item),
                self._family_html(details),
                self._near_duplicates_html(item.id),
                self._selectors_html(item.id),
                self._watchlist_html(item.id),
                self._indicators_html(item.id),
                self._casework_html(details),
            )
        )

    def _identity_html(self, item: ItemRecord) -> str:
        ident = [
            _row(self.tr("Item"), f"#{item.id}"),
            _row(self.tr("Kind"), _esc(kind_label(item.kind))),
            _row(self.tr("Name"), _esc(item.original_name)),
        ]
        if item.title:
            ident.append(_row(self.tr("Title"), _esc(item.title)))
        ident.append(_row(self.tr("Type"), _esc(item.mime)))
        ident.append(_row(self.tr("Size"), f"{_esc(human_size(item.size))} ({item.size or 0} bytes)"))
        if item.width:
            ident.append(_row(self.tr("Dimensions"), f"{item.width} × {item.height} px"))
        if item.language:
            ident.append(_row(self.tr("Language"), _esc(item.language)))
        return f"<h3>{self.tr('Item')}</h3><table>{''.join(ident)}</table>"

    def _hashes_html(self, item: ItemRecord) -> str:
        return (
            f"<h3>{self.tr('Hashes of the original')}</h3><table>"
            + _row("SHA-256", f"<span id='sha256'>{_esc(item.sha256)}</span>", mono=True)
            + _row("MD5", _esc(item.md5), mono=True)
            + "</table>"
        )

    def _provenance_html(self, item: ItemRecord) -> str:
        prov = []
        if item.source_url:
            prov.append(_row(self.tr("Source URL"), _esc(item.source_url), mono=True))
        if item.final_url and item.final_url != item.source_url:
            prov.append(_row(self.tr("Final URL"), _esc(item.final_url), mono=True))
        if item.source_path:
            prov.append(_row(self.tr("Source path"), _esc(item.source_path), mono=True))
        prov.append(_row(self.tr("Capture method"), _esc(item.capture_method)))
        if item.captured_at:
            captured = self._local(item.captured_at)
            if item.captured_tz:
                captured += f" <span class='muted'>{self.tr('original offset')} {_esc(item.captured_tz)}</span>"
            prov.append(_row(self.tr("Captured"), captured))
        prov.append(_row(self.tr("Imported"), self._local(item.imported_at)))
        prov.append(_row(self.tr("Imported by"), _esc(item.analyst)))
        prov.append(_row(self.tr("Importer"), _esc(item.importer), mono=True))
        return f"<h3>{self.tr('Provenance')}</h3><table>{''.join(prov)}</table>"

    def _exif_html(self, item: ItemRecord) -> str:
        exif = item.exif
        if not exif:
            if item.kind == "image":
                return f"<h3>{self.tr('EXIF')}</h3><p class='muted'>{self.tr('No EXIF metadata in this image.')}</p>"
            return ""
        rows = [_row(key, _esc(exif[key])) for key in EXIF_FIRST if key in exif]
        gps = exif.get("GPS")
        if isinstance(gps, dict) and "latitude" in gps:
            lat, lon = gps["latitude"], gps["longitude"]
            pos = f"{lat:.6f}, {lon:.6f} <span class='muted'>({_dms(lat, 'NS')} {_dms(lon, 'EW')})</span>"
            if "altitude" in gps:
                pos += f"<br>{self.tr('altitude')} {gps['altitude']} m"
            rows.append(_row(self.tr("GPS position"), pos))
        for key in sorted(k for k in exif if k not in EXIF_FIRST and k != "GPS")[:40]:
            rows.append(_row(key, _esc(exif[key])))
        return f"<h3>{self.tr('EXIF')}</h3><table>{''.join(rows)}</table>"

    def _family_html(self, details: ItemDetails) -> str:
        family = []
        if details.parent is not None:
            family.append(_row(self.tr("Parent"), _link(details.parent)))
        if details.children:
            links = "<br>".join(_link(c) for c in details.children)
            if details.more_children:
                links += "<br>…"
            family.append(_row(self.tr("Contains"), links))
        if details.exact_copies:
            family.append(
                _row(
                    self.tr("Exact duplicates"),
                    "<br>".join(f"<a href='item:{r.id}'>#{r.id} {_esc(r.name)}</a>" for r in details.exact_copies),
                )
            )
        if not family:
            return ""
        return f"<h3>{self.tr('Related items')}</h3><table>{''.join(family)}</table>"

    def _near_duplicates_html(self, item_id: int) -> str:
        dedup = self.services.dedup
        parts = [f"<h3>{self.tr('Near duplicates')}</h3>"]
        dups = dedup.duplicates_of(item_id)
        self.waiting_for_clusters = dups is None
        if dups is None:
            parts.append(f"<p class='muted'>{self.tr('Looking for near duplicates…')}</p>")
            dedup.refresh()
        elif dups:
            parts.append(
                "<table>"
                + "".join(
                    _row(
                        f"d={d.distance}" if d.distance is not None else "",
                        f"<a href='item:{d.item_id}'>#{d.item_id} {_esc(d.name)}</a> "
                        f"<span class='muted'>{_esc(d.transformation)}</span>",
                    )
                    for d in dups
                )
                + "</table>"
            )
            cluster = dedup.cluster_of(item_id)
            if cluster is not None:
                lead = self.tr("Distances are to the reference of")
                name = self.tr("cluster %1").replace("%1", str(cluster.id))
                parts.append(f"<p class='muted'>{lead} <a href='cluster:{cluster.id}'>{name}</a>.</p>")
        else:
            parts.append(f"<p class='muted'>{self.tr('None found.')}</p>")
        return "".join(parts)

    def _watchlist_html(self, item_id: int) -> str:
        from workstation.watchlists.service import hits

        found = hits(self.session.case, item_id=item_id)
        if not found:
            return ""
        title = self.tr("Watchlist hits")
        on_list = self.tr("on watchlist %1")
        rows = []
        for h in found:
            name = h.list + " (" + h.agency + ")" if h.agency else h.list
            label = ": " + _esc(h.label) if h.label else ""
            value = "<span class='mono'>" + _esc(h.value) + "</span> <span class='muted'>"
            rows.append(_row(_esc(h.kind), value + on_list.replace("%1", _esc(name)) + label + "</span>"))
        return "<h3>" + title + "</h3><table>" + "".join(rows) + "</table>"

    def _selectors_html(self, item_id: int) -> str:
        parts = [f"<h3>{self.tr('Selectors in this item')}</h3>"]
        found = self.services.selectors.for_item(item_id)
        if not found:
            parts.append(f"<p class='muted'>{self.tr('None found.')}</p>")
            return "".join(parts)
        parts.append(
            "<table>"
            + "".join(
                _row(
                    s.kind,
                    f"<span class='mono'>{_esc(s.value)}</span> <span class='muted'>"
                    + self.tr("on %1 item(s)").replace("%1", str(s.item_count))
                    + "</span>",
                )
                for s in found
            )
            + "</table>"
        )
        return "".join(parts)

    def _indicators_html(self, item_id: int) -> str:
        rows = self.services.indicators.for_item(item_id)
        if not rows:
            return f"<h3>{self.tr('Indicators')}</h3><p class='muted'>{self.tr('None yet.')}</p>"
        return (
            f"<h3>{self.tr('Indicators')}</h3><table>"
            + "".join(
                _row(
                    r.status,
                    f"{_esc(r.code)} · {_esc(r.label)}"
                    + (f" <span class='muted'>“{_esc(r.span)}”</span>" if r.span else ""),
                )
                for r in rows
            )
            + "</table>"
        )

    def _casework_html(self, details: ItemDetails) -> str:
        parts = [f"<h3>{self.tr('Tags')}</h3><p>{_esc(', '.join(details.tags)) or self.tr('None.')}</p>"]
        if details.exhibit is not None:
            parts.append(f"<h3>{self.tr('Exhibit')}</h3><p>{self.tr('Exhibit number')} <b>{details.exhibit}</b></p>")
        return "".join(parts)

    def _show_annotations(self, details: ItemDetails) -> None:
        case = self.session.case
        tags = details.tags
        self.relevant_button.setChecked(casework.RELEVANT in tags)
        self.not_relevant_button.setChecked(casework.NOT_RELEVANT in tags)
        exhibit = details.exhibit
        self.exhibit_button.setText(
            self.tr("Remove from exhibits (exhibit %1)").replace("%1", str(exhibit))
            if exhibit is not None
            else self.tr("Add to exhibits")
        )
        self.exhibit_button.setProperty("isExhibit", exhibit is not None)
        self.tag_list.clear()
        for tag in tags:
            if tag in casework.TRIAGE_TAGS:
                continue
            self.tag_list.addItem(QListWidgetItem(tag))
        self.tag_completer.model().setStringList([t for t, _ in records.all_tags(case)])  # type: ignore[attr-defined]
        notes = details.notes
        if notes:
            self.notes.setHtml(
                "".join(
                    f"<p><span class='muted'>{self._local(n.created_at)} · <b>{_esc(n.author)}</b></span><br>"
                    f"{_esc(n.text).replace(chr(10), '<br>')}</p>"
                    for n in notes
                )
            )
        else:
            self.notes.setHtml(f"<p class='muted'>{self.tr('No notes yet.')}</p>")

    def _show_indicators(self) -> None:
        service = self.services.indicators
        self.indicator_tree.blockSignals(True)
        self.indicator_tree.clear()
        assert self.item_id is not None
        rank = {"confirmed": 0, "suggested": 1, "rejected": 2}
        current: dict[str, Any] = {}
        weights = {i.code: i.weight for i in service.taxonomy()}
        for ann in service.for_item(self.item_id):
            if ann.status == "suggested" and weights.get(ann.code, 1.0) * 100 < self.min_suggestion_score:
                continue
            held = current.get(ann.code)
            if held is None or rank.get(ann.status, 3) < rank.get(held.status, 3):
                current[ann.code] = ann
        self.indicator_info.setText(
            self.tr("Tick an indicator to confirm it for this item; suggestions from the text scan are marked.")
        )
        categories: dict[str, QTreeWidgetItem] = {}
        for info in service.taxonomy():
            parent = categories.get(info.category)
            if parent is None:
                parent = QTreeWidgetItem([info.category, ""])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.indicator_tree.addTopLevelItem(parent)
                categories[info.category] = parent
            node = QTreeWidgetItem([f"{info.code} · {info.label}", ""])
            node.setData(0, Qt.ItemDataRole.UserRole, info.code)
            node.setToolTip(0, f"{info.code} · {info.label}" + (f"\n{info.description}" if info.description else ""))
            node.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            ann = current.get(info.code)
            node.setCheckState(
                0, Qt.CheckState.Checked if ann and ann.status == "confirmed" else Qt.CheckState.Unchecked
            )
            if ann is not None:
                node.setData(1, Qt.ItemDataRole.UserRole, ann.annotation_id)
                status = {
                    "suggested": self.tr("suggested"),
                    "confirmed": self.tr("confirmed"),
                    "rejected": self.tr("rejected"),
                }.get(ann.status, ann.status)
                node.setText(1, status + (f": “{ann.span}”" if ann.span else ""))
                node.setToolTip(
                    1,
                    node.text(1)
                    + (f"\n{ann.explanation}" if ann.explanation else "")
                    + (f"\n{ann.note}" if ann.note else ""),
                )
                if ann.status == "suggested":
                    parent.setExpanded(True)
                    font = node.font(0)
                    font.setItalic(True)
                    node.setFont(0, font)
                elif ann.status == "confirmed":
                    parent.setExpanded(True)
            parent.addChild(node)
        self.indicator_tree.blockSignals(False)

    # -- actions --------------------------------------------------------------------------------------------
    def targets(self) -> list[int]:
        """Items an annotation applies to: the multi-selection, else the current item."""
        if len(self.selection) > 1:
            return list(self.selection)
        return [self.item_id] if self.item_id is not None else []

    def _triage(self, mark: str | None) -> None:
        self.annotator.triage(self.targets(), mark)

    def _toggle_exhibit(self) -> None:
        self.annotator.exhibit(self.targets(), add=not self.exhibit_button.property("isExhibit"))

    def _add_tag(self) -> None:
        text = self.tag_edit.text().strip()
        if text and self.annotator.tag(self.targets(), text):
            self.tag_edit.clear()

    def _remove_tag(self, item: QListWidgetItem) -> None:
        self.annotator.untag(self.targets(), item.text())

    def _add_note(self) -> None:
        if self.annotator.note(self.targets(), self.note_edit.toPlainText()):
            self.note_edit.clear()

    def _on_indicator_item_changed(self, node: QTreeWidgetItem, column: int) -> None:
        code = node.data(0, Qt.ItemDataRole.UserRole)
        if not code or column != 0:
            return
        ann_id = node.data(1, Qt.ItemDataRole.UserRole)
        if node.checkState(0) == Qt.CheckState.Checked:
            if ann_id is not None and self.item_id is not None and len(self.targets()) == 1:
                self.annotator.indicator_status(self.item_id, int(ann_id), "confirmed")
            else:
                self.annotator.indicator(self.targets(), code)
        elif ann_id is not None and self.item_id is not None:
            self.annotator.indicator_status(self.item_id, int(ann_id), "rejected")

    def _suggestion(self, status: str) -> None:
        node = self.indicator_tree.currentItem()
        if node is None or self.item_id is None:
            return
        ann_id = node.data(1, Qt.ItemDataRole.UserRole)
        if ann_id is not None:
            self.annotator.indicator_status(self.item_id, int(ann_id), status)

    def _on_details_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        kind, _, value = text.partition(":")
        if not value.isdigit():
            return
        if kind == "item":
            self.item_requested.emit(int(value))
        elif kind == "cluster":
            self.cluster_requested.emit(int(value))


def _dms(value: float, hemispheres: str) -> str:
    hemi = hemispheres[0] if value >= 0 else hemispheres[1]
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return f"{degrees}°{minutes:02d}′{seconds:04.1f}″{hemi}"


# Strings translated inside f-strings above, where lupdate cannot see them.
_EXTRACTED_FOR_LUPDATE = (
    QT_TRANSLATE_NOOP("Inspector", "Item"),
    QT_TRANSLATE_NOOP("Inspector", "Hashes of the original"),
    QT_TRANSLATE_NOOP("Inspector", "original offset"),
    QT_TRANSLATE_NOOP("Inspector", "Provenance"),
    QT_TRANSLATE_NOOP("Inspector", "altitude"),
    QT_TRANSLATE_NOOP("Inspector", "EXIF"),
    QT_TRANSLATE_NOOP("Inspector", "No EXIF metadata in this image."),
    QT_TRANSLATE_NOOP("Inspector", "Related items"),
    QT_TRANSLATE_NOOP("Inspector", "Near duplicates"),
    QT_TRANSLATE_NOOP("Inspector", "Looking for near duplicates…"),
    QT_TRANSLATE_NOOP("Inspector", "None found."),
    QT_TRANSLATE_NOOP("Inspector", "Selectors in this item"),
    QT_TRANSLATE_NOOP("Inspector", "Indicators"),
    QT_TRANSLATE_NOOP("Inspector", "None yet."),
    QT_TRANSLATE_NOOP("Inspector", "Tags"),
    QT_TRANSLATE_NOOP("Inspector", "Exhibit"),
    QT_TRANSLATE_NOOP("Inspector", "Exhibit number"),
    QT_TRANSLATE_NOOP("Inspector", "No notes yet."),
)
