"""Export README: what exporting changes in the README on disk, shown before writing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from seminar_gui.qt.common.diff_view import diff_view


class ExportDiffDialog(QDialog):
    """Shows what exporting changes in the README on disk; writes only on confirmation."""

    def __init__(
        self, path: Path, diff: str, parent: QWidget | None = None, *, repaired: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDiffDialog")
        self.setAccessibleName(self.tr("Export README"))
        self.setWindowTitle(self.tr("Export README"))
        self.resize(820, 600)
        layout = QVBoxLayout(self)
        if repaired:
            # The first export after importing a README with mojibake: say so, rather
            # than show every damaged line as a change.
            note = QLabel(
                self.tr(
                    "{n} lines of {path} were garbled by a wrong text encoding (mojibake), "
                    "repaired when the README was imported: the export writes them "
                    "repaired. They are not listed below."
                ).format(n=repaired, path=path.name),
                self,
            )
            note.setObjectName("exportMojibakeNote")
            note.setWordWrap(True)
            layout.addWidget(note)
        if diff:
            text = (
                self.tr("Other changes that will be written to {path}:")
                if repaired
                else self.tr("These changes will be written to {path}:")
            ).format(path=path)
        elif repaired:
            text = self.tr("No other changes to {path}.").format(path=path)
        else:
            text = self.tr("{path} is already up to date.").format(path=path)
        label = QLabel(text)
        label.setObjectName("exportSummary")
        label.setWordWrap(True)
        layout.addWidget(label)
        view = diff_view(
            self, "exportDiff", self.tr("Changes to the README"), diff or self.tr("(no changes)")
        )
        layout.addWidget(view)
        buttons = QDialogButtonBox(self)
        write = buttons.addButton(self.tr("Write README"), QDialogButtonBox.ButtonRole.AcceptRole)
        write.setObjectName("writeReadmeButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
