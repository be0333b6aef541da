"""Documents (PDF) as text, and as page pictures where poppler's pdftoppm is installed.

Pages are rendered by piping the stored bytes to pdftoppm's stdin and reading PNG from its
stdout: no plaintext copy of the evidence ever touches the disk. Other files show a text or hex
preview of their start.
"""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import Retranslatable
from ui.session import CaseSession
from workstation.case import Case

_tokens = itertools.count(7_000_000)
MAX_PAGES = 30
PREVIEW_BYTES = 64 * 1024
RENDER_TIMEOUT = 30


def pdf_text(case: Case, sha256: str) -> str:
    """Text of a PDF with pypdf (when the importer stored none)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(case.blobs.read(sha256)))
        pages = []
        for number, page in enumerate(reader.pages[:500], 1):
            pages.append(f"--- page {number} ---\n{page.extract_text() or ''}")
        return "\n\n".join(pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        return f"(the text could not be extracted: {exc})"


def render_pdf_pages(case: Case, sha256: str, max_pages: int = MAX_PAGES, dpi: int = 72) -> list[QImage] | str:
    """Page pictures via pdftoppm over pipes; a reason string when that is impossible."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return "pdftoppm (poppler-utils) is not installed; pages are shown as text only."
    data = case.blobs.read(sha256)
    images: list[QImage] = []
    for page in range(1, max_pages + 1):
        try:
            proc = subprocess.run(
                [tool, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-"],
                input=data,
                capture_output=True,
                timeout=RENDER_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            break
        if proc.returncode != 0 or not proc.stdout:
            break
        image = QImage.fromData(proc.stdout, "PNG")
        if image.isNull():
            break
        images.append(image)
    if not images:
        return "the pages could not be rendered (damaged or encrypted PDF)."
    return images


class DocumentViewer(Retranslatable, QWidget):
    """Text (and pages) of a document; a text/hex preview for other files."""

    def __init__(self, session: CaseSession, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item_id = item_id
        self.item = session.case.item(item_id)
        self.is_pdf = (self.item.get("mime") or "") == "application/pdf" or self.item["kind"] == "document"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(QLabel(f"<b>{self.item.get('title') or self.item.get('original_name') or ''}</b>"))
        self.tabs = QTabWidget()
        self.text = QPlainTextEdit()
        self.text.setObjectName("documentText")
        self.text.setReadOnly(True)
        self.tabs.addTab(self.text, self.tr("Text"))
        layout.addWidget(self.tabs, 1)
        self._token = next(_tokens)
        self._pages_token = next(_tokens)
        session.reader.signals.query_done.connect(self._on_reader_done)
        sha = self.item["sha256"]
        if self.item.get("text"):
            self.text.setPlainText(self.item["text"])
        elif self.is_pdf:
            self.text.setPlainText(self.tr("Extracting text…"))
            session.reader.call(f"doctext:{item_id}", self._token, lambda case: pdf_text(case, sha))
        else:
            self.text.setPlainText(self._preview())
            mono = QFont("DejaVu Sans Mono")
            mono.setStyleHint(QFont.StyleHint.Monospace)
            self.text.setFont(mono)
        if self.is_pdf:
            self.pages_area = QScrollArea()
            self.pages_area.setWidgetResizable(True)
            self.pages_box = QWidget()
            self.pages_layout = QVBoxLayout(self.pages_box)
            self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.render_button = QPushButton(self.tr("Render pages"))
            self.render_button.clicked.connect(self.render_pages)
            self.pages_layout.addWidget(self.render_button)
            self.pages_area.setWidget(self.pages_box)
            self.tabs.addTab(self.pages_area, self.tr("Pages"))
            self.tabs.currentChanged.connect(lambda i: i == 1 and self.render_pages())

    def _preview(self) -> str:
        data = self.session.case.blobs.read(self.item["sha256"])[:PREVIEW_BYTES]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            lines = []
            for offset in range(0, len(data), 16):
                chunk = data[offset : offset + 16]
                hexes = " ".join(f"{b:02x}" for b in chunk)
                text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
                lines.append(f"{offset:08x}  {hexes:<47}  {text}")
            return "\n".join(lines)

    def render_pages(self) -> None:
        if not self.render_button.isEnabled():
            return
        self.render_button.setEnabled(False)
        self.render_button.setText(self.tr("Rendering…"))
        sha = self.item["sha256"]
        self.session.reader.call(
            f"docpages:{self.item_id}", self._pages_token, lambda case: render_pdf_pages(case, sha)
        )

    def _on_reader_done(self, token: int, result: Any) -> None:
        if token == self._token:
            self.text.setPlainText(str(result))
        elif token == self._pages_token:
            self.render_button.hide()
            if isinstance(result, str):
                self.pages_layout.addWidget(QLabel(result))
                return
            for image in result:
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(image))
                label.setStyleSheet("border: 1px solid #bbb; margin: 6px;")
                self.pages_layout.addWidget(label)
