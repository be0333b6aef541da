"""The Qt binding itself must keep Python's reference counts right (PySide6 6.12.0 did not)."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_the_reference_count_of_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
        label.setMinimumWidth(i % 50)
    # A binding that drops a reference per call would be 4000 below; allow unrelated churn.
    assert sys.getrefcount(None) > before - 100
