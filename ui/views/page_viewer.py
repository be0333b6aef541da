"""Captured pages rendered offline from the stored bytes; every remote resource is blocked.

QTextBrowser renders the HTML (no script engine, no network stack). Its loadResource is the one
door for images and style sheets, and :class:`OfflinePageBrowser` answers only from the case
(:mod:`ui.page_resources`). For anything else it returns a placeholder instead of nothing: on an
empty answer QTextDocument would fall back to opening the URL as a local file path, which for a
``file://host/share`` URL means a network request on some systems.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslatable
from ui.page_resources import CaseResourceResolver, PageDocument, load_page
from ui.session import CaseSession
from ui.tasks import TaskRunner
from workstation import records
from workstation.rendering.stage import StoredRendering, stored_rendering

log = logging.getLogger(__name__)
IMAGE = int(QTextDocument.ResourceType.ImageResource.value)
STYLESHEET = int(QTextDocument.ResourceType.StyleSheetResource.value)
MAX_SOURCE_CHARS = 2_000_000


def _blocked_image() -> QImage:
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor(230, 230, 230))
    painter = QPainter(image)
    painter.setPen(QColor(170, 60, 60))
    painter.drawRect(0, 0, 23, 23)
    painter.drawLine(4, 4, 19, 19)
    painter.drawLine(19, 4, 4, 19)
    painter.end()
    return image


class OfflinePageBrowser(QTextBrowser):
    """A QTextBrowser whose every resource request is answered from the case or refused.

    Signals:
        link_clicked(url): the analyst clicked a link (links are never followed).

    Attributes:
        requests: every (resource type, URL) the renderer asked for, in order.
        blocked: URLs refused (nothing in the case for them; no request was made).
    """

    link_clicked = Signal(str)
    resource_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resolver: CaseResourceResolver | None = None
        self.requests: list[tuple[int, str]] = []
        self.blocked: list[str] = []
        self._placeholder = _blocked_image()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(lambda url: self.link_clicked.emit(url.toString()))

    def loadResource(self, type_: int, name: QUrl) -> Any:  # noqa: N802 - Qt override
        url = name.toString()
        kind = int(type_.value) if hasattr(type_, "value") else int(type_)
        self.requests.append((kind, url))
        data = self.resolver.resolve(url) if self.resolver is not None else None
        self.resource_requested.emit(url)
        if data is None:
            self.blocked.append(url)
            # No URL in the log: the log file is plaintext and URLs of captured pages are evidence.
            log.debug("page viewer blocked a resource request")
            return self._refusal(kind)
        if kind == IMAGE:
            image = QImage.fromData(data)
            return image if not image.isNull() else self._placeholder
        if kind == STYLESHEET:
            return data.decode("utf-8", "replace")
        return QByteArray(data)

    def _refusal(self, kind: int) -> Any:
        if kind == IMAGE:
            return self._placeholder
        if kind == STYLESHEET:
            return " "
        return QByteArray(b" ")

    def show_page(self, page: PageDocument, resolver: CaseResourceResolver) -> None:
        self.resolver = resolver
        self.requests.clear()
        self.blocked.clear()
        self.document().clear()
        self.setHtml(page.html)
        self.preload_images()

    def preload_images(self) -> None:
        """Ask for every <img> now (Qt would on first paint), so the blocked list is complete."""
        document = self.document()
        block = document.begin()
        seen: set[str] = set()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fmt = it.fragment().charFormat()
                if fmt.isImageFormat():
                    name = fmt.toImageFormat().name()
                    if name and name not in seen:
                        seen.add(name)
                        document.resource(IMAGE, QUrl(name))
                it += 1
            block = block.next()


class RenderingPane(QWidget):
    """The faithful rendering: the stored Chromium screenshot of the page (full page when there
    is one), its provenance, and "Render now" (in a child process) when none exists yet.

    Signals:
        rendered(): a new rendering was stored.
    """

    rendered = Signal()

    def __init__(self, session: CaseSession, page_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.page_id = page_id
        self.runner = TaskRunner(self)
        self.stored: StoredRendering | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.info = QLabel()
        self.info.setObjectName("renderingInfo")
        self.info.setWordWrap(True)
        bar.addWidget(self.info, 1)
        self.javascript = QCheckBox(self.tr("JavaScript (still offline)"))
        self.javascript.setObjectName("renderJavascript")
        bar.addWidget(self.javascript)
        self.render_button = QPushButton(self.tr("Render now"))
        self.render_button.setObjectName("renderNow")
        self.render_button.clicked.connect(self.render_now)
        bar.addWidget(self.render_button)
        layout.addLayout(bar)
        self.image = QLabel()
        self.image.setObjectName("renderingImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(False)
        layout.addWidget(scroll, 1)
        self.task: Any = None
        self.reload()

    def reload(self) -> None:
        case = self.session.case
        self.stored = stored_rendering(case, self.page_id)
        if self.stored is None:
            self.image.clear()
            self.image.resize(0, 0)
            self.info.setText(
                self.tr(
                    "Not rendered yet. Render now loads the page in an offline browser: every "
                    "request is answered from the case or refused."
                )
            )
            return
        shown = self.stored.full_id or self.stored.viewport_id
        pixmap = QPixmap()
        pixmap.loadFromData(case.blobs.read(case.item(shown)["sha256"]))
        self.image.setPixmap(pixmap)
        self.image.resize(pixmap.size())
        text = self.stored.provenance
        if self.stored.truncated:
            text += " · " + self.tr("cut at the maximum height")
        text += " · " + self.tr("%1 resource(s) not captured").replace("%1", str(len(self.stored.refused)))
        self.info.setText(text)

    def render_now(self) -> None:
        if self.task is not None:
            return
        self.render_button.setEnabled(False)
        self.info.setText(self.tr("Rendering offline…"))
        task = self.session.process_task(
            "render", self.tr("Render page"), item_ids=[self.page_id], javascript=self.javascript.isChecked()
        )
        task.signals.succeeded.connect(self._done)
        task.signals.failed.connect(lambda reason: self.info.setText(reason))
        task.signals.finished.connect(self._finished)
        self.task = task
        self.runner.start(task)

    def _done(self, result: Any) -> None:
        errors = (result or {}).get("errors") or []
        self.reload()
        if errors:
            self.info.setText(self.tr("Could not render: %1").replace("%1", str(errors[0].get("error"))))
        elif (result or {}).get("status") == "unavailable":
            self.info.setText(str(result.get("notice")))
        self.rendered.emit()

    def _finished(self) -> None:
        self.task = None
        self.render_button.setEnabled(True)


class PageViewer(Retranslatable, QWidget):
    """Rendering / As captured / Text / Source / Resources tabs for one captured page.

    Signals:
        item_requested(item_id): a clicked link points to another item in the case.
    """

    item_requested = Signal(int)

    def __init__(self, session: CaseSession, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id = item_id
        case = session.case
        self.item = case.item(item_id)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel(f"<b>{html.escape(self.item.get('title') or self.item.get('original_name') or '')}</b>")
        layout.addWidget(title)
        url = self.item.get("final_url") or self.item.get("source_url") or self.item.get("source_path") or ""
        self.url_label = QLabel(html.escape(url))
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setStyleSheet("color: #555; font-family: monospace;")
        layout.addWidget(self.url_label)
        self.banner = QLabel()
        self.banner.setObjectName("blockedBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4e5; color: #6b3d00; border: 1px solid #f0c27b; border-radius: 3px; padding: 4px;"
        )
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.browser = OfflinePageBrowser()
        self.browser.setObjectName("renderedPage")
        self.browser.link_clicked.connect(self._on_browser_link_clicked)
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.setInterval(100)
        self._banner_timer.timeout.connect(self._update_banner)
        self.browser.resource_requested.connect(lambda _url: self._banner_timer.start())
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("pageText")
        self.source = QPlainTextEdit()
        self.source.setReadOnly(True)
        self.source.setObjectName("pageSource")
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.source.setFont(mono)
        self.resources = QListWidget()
        self.resources.setObjectName("pageResources")
        self.rendering = RenderingPane(session, item_id)
        self.rendering.rendered.connect(self._update_banner)
        self.tabs.addTab(self.rendering, self.tr("Rendering (Chromium, offline)"))
        self.tabs.addTab(self.browser, self.tr("As captured (simple view)"))
        self.tabs.addTab(self.text, self.tr("Text"))
        self.tabs.addTab(self.source, self.tr("Source"))
        self.tabs.addTab(self.resources, self.tr("Resources"))
        layout.addWidget(self.tabs, 1)
        self.page = load_page(case, self.item)
        self.resolver = CaseResourceResolver(case, self.page)
        self.text.setPlainText(self.item.get("text") or "")
        self.source.setPlainText(self.page.source[:MAX_SOURCE_CHARS])
        if self.page.too_large:
            self.browser.setPlainText(self.tr("This page is too large to render here; see the Text and Source tabs."))
            self.tabs.setCurrentWidget(self.text)
        else:
            self.browser.show_page(self.page, self.resolver)
            if self.rendering.stored is None:  # not rendered yet: the simple view until "Render now"
                self.tabs.setCurrentWidget(self.browser)
        self._update_banner()

    def _update_banner(self) -> None:
        blocked = sorted(set(self.browser.blocked))
        served = sorted(set(self.resolver.served))
        self.banner.setText(
            self.tr(
                "Offline view: no request leaves this computer. %1 resource(s) shown from the case, "
                "%2 blocked (not in the case)."
            )
            .replace("%1", str(len(served)))
            .replace("%2", str(len(blocked)))
        )
        self.resources.clear()
        for url in served:
            QListWidgetItem(self.tr("shown from case: ") + url, self.resources)
        for url in blocked:
            item = QListWidgetItem(self.tr("blocked: ") + url, self.resources)
            item.setForeground(QColor(160, 60, 60))
        stored = self.rendering.stored
        for url in sorted(set(stored.refused) - set(blocked)) if stored is not None else []:
            item = QListWidgetItem(self.tr("not captured (refused to the renderer): ") + url, self.resources)
            item.setForeground(QColor(160, 60, 60))

    def _on_browser_link_clicked(self, url: str) -> None:
        absolute = self.resolver.absolute(url)
        page_id = records.page_for_url(self.session.case, absolute)
        if page_id is not None:
            self.item_requested.emit(page_id)
        else:
            self.banner.setText(self.tr("Links are not followed (offline). Link target: %1").replace("%1", absolute))
