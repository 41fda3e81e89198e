"""First run: the assessor's name and PIN, and the council's ruleset (a signed file, and
the council's public key if this computer does not trust it yet). An untrusted, tampered
or expired ruleset is refused with kind, specific words and nothing is installed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from rasdesk.domain.errors import RasdeskError
from rasdesk.platform import pin, rulesets, settings, trust
from rasdesk.sync.device import Device
from rasdesk.ui.errors import show_error
from rasdesk.ui.widgets.enrol_form import EnrolForm
from rasdesk.ui.widgets.error_summary import ErrorSummary
from rasdesk.ui.widgets.page import Page, button, label, row
from rasdesk.ui.work import run_slow


class FirstRunPage(Page):
    def __init__(
        self, done: Callable[[], None], kept: dict[str, str] | None = None, language: str = "en"
    ) -> None:
        super().__init__()
        self.done = done
        self.language = language  # the ruleset's title is shown in it (Welsh where it has one)
        # What is typed here, kept by the window (in memory only) while the page is rebuilt
        # for new looks or Welsh, and forgotten once set-up is done.
        self.kept: dict[str, str] = {} if kept is None else kept
        self.set_up = False
        self.summary: ErrorSummary | None = None
        self.body.addWidget(label(self.tr("Set up rasdesk"), "h1"))
        self.body.addWidget(label(self.tr("Your name, as it goes on assessments"), "h2"))
        self.name = QLineEdit(settings.load()["assessor_name"])
        self.name.setAccessibleName(self.tr("Your name, as it goes on assessments"))
        self.body.addWidget(self.name)
        self.body.addWidget(label(self.tr("Choose a PIN"), "h2"))
        self.body.addWidget(
            label(self.tr("4 to 12 digits. It unlocks rasdesk after it locks itself."), "hint")
        )
        self.pin = self._secret(self.tr("PIN"))
        self.pin_again = self._secret(self.tr("The same PIN again"))
        self.body.addWidget(label(self.tr("Your council's ruleset"), "h2"))
        self.ruleset_state = label("", "hint")
        self.body.addWidget(self.ruleset_state)
        self.trust_state = label("")
        self.trust_state.hide()
        self.body.addWidget(self.trust_state)
        self.trust_button = button(self.tr("Trust the council's key file…"), self.choose_key)
        self.body.addWidget(
            row(button(self.tr("Choose the ruleset file…"), self.choose_ruleset), self.trust_button)
        )
        # Or from the council's server: enrolled already, or enrol here with a code.
        self.fetch_button = button(self.tr("Get it from the council's server"), self.fetch_ruleset)
        self.enrol_button = button(
            self.tr("Set up sending to the council…"),
            self._show_enrol,
            description=self.tr(
                "Enrol this laptop with the server address and code from your administrator; "
                "the council's ruleset then comes from its server."
            ),
        )
        self.body.addWidget(row(self.fetch_button, self.enrol_button))
        self.enrol_form = EnrolForm(self._enrolled_now)
        self.enrol_form.hide()
        self.body.addWidget(self.enrol_form)
        enrolled = self._enrolled()
        self.fetch_button.setVisible(enrolled)
        self.enrol_button.setVisible(not enrolled)
        self.body.addWidget(row(button(self.tr("Save and start"), self.submit, primary=True)))
        self._show_ruleset()
        self._put_back()
        self.finish()

    def _typed(self) -> dict[str, QLineEdit]:
        form = self.enrol_form
        return {
            "name": self.name,
            "pin": self.pin,
            "pin_again": self.pin_again,
            "address": form.address,
            "code": form.code,
        }

    def _put_back(self) -> None:
        for key, edit in self._typed().items():
            if key in self.kept and not edit.isReadOnly():
                edit.setText(self.kept[key])
        if self.kept.get("enrolling") and self.enrol_button.isVisibleTo(self):
            self.enrol_button.hide()
            self.enrol_form.show()

    def leave(self) -> None:
        """Nothing typed is lost when the page is rebuilt (new looks, Welsh)."""
        self.kept.clear()
        if self.set_up:
            return  # done: the PIN is not kept in memory
        self.kept.update({key: edit.text() for key, edit in self._typed().items()})
        if not self.enrol_form.isHidden():
            self.kept["enrolling"] = "yes"

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        edit.setMaximumWidth(300)
        self.body.addWidget(label(name))
        self.body.addWidget(edit)
        return edit

    def first_focus(self) -> QWidget | None:
        return self.name

    def _show_ruleset(self) -> None:
        sha = rulesets.current_sha256()
        if sha is None:
            self.ruleset_state.setText(self.tr("No ruleset is installed yet."))
        else:
            ruleset = rulesets.load_signed(rulesets.installed_path(sha)).ruleset
            self.ruleset_state.setText(
                self.tr("Installed: {title}, version {version}.").format(
                    title=ruleset.title.get(self.language), version=ruleset.version
                )
            )

    def install_ruleset(self, path: Path) -> bool:
        from rasdesk.domain.errors import TrustError

        try:
            rulesets.install(path)
        except (RasdeskError, OSError) as exc:
            if isinstance(exc, TrustError):  # the way on is the button beside it
                self._say(
                    self.tr(
                        "This computer does not trust the key this ruleset was signed with. "
                        "If your council gave you its key file, press \"Trust the council's "
                        'key file…", then choose the ruleset file again.'
                    )
                )
                self.trust_button.setFocus()
            show_error(self, exc)
            return False
        self.trust_state.hide()
        self._show_ruleset()
        return True

    def _say(self, words: str) -> None:
        self.trust_state.setText(words)
        self.trust_state.setAccessibleName(words)
        self.trust_state.show()

    def choose_ruleset(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The signed ruleset file"), "", self.tr("Signed rulesets (*.json)")
        )
        if name:
            self.install_ruleset(Path(name))

    @staticmethod
    def _enrolled() -> bool:
        try:
            from rasdesk.sync import device

            return device.load() is not None
        except Exception:
            return False

    def _show_enrol(self) -> None:
        self.enrol_button.hide()
        self.enrol_form.show()
        self.order_tabs()
        self.enrol_form.first_focus().setFocus()

    def _enrolled_now(self, device: Device) -> None:
        """Enrolled at first run: say so, and fetch the council's ruleset from its server."""
        self.enrol_form.hide()
        self.fetch_button.show()
        self.order_tabs()
        self.fetch_button.setFocus()
        self._say(
            self.tr(
                "Done: this laptop can now send cases to {server}. Getting the council's "
                "ruleset from it…"
            ).format(server=device.server_url)
        )
        self.say(self.trust_state.text())
        self.fetch_ruleset()

    def fetch_ruleset(self) -> None:
        """When enrolled: the rulesets the council publishes, verified against the trust
        store (an untrusted one is refused and named)."""
        from rasdesk.storage.profile import open_user_store
        from rasdesk.sync import run_sync

        def work() -> object:
            store = open_user_store()
            try:
                return run_sync(store)
            finally:
                store.close()

        def done(report: object) -> None:
            self._show_ruleset()
            refused = getattr(report, "rulesets_refused", None)
            if refused:
                self.ruleset_state.setText(
                    self.ruleset_state.text()
                    + " "
                    + self.tr("The server offered a ruleset this computer does not trust.")
                )

        run_slow(self, self.tr("Asking the council's server…"), work, done)

    def choose_key(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("The council's public key"), "", self.tr("Public keys (*.pem)")
        )
        if name:
            self.trust_key(Path(name))

    def trust_key(self, path: Path) -> bool:
        try:
            key = trust.add_key(path)
        except (RasdeskError, OSError) as exc:
            show_error(self, exc)
            return False
        self._say(
            self.tr(
                "Done: this computer now trusts the council's key {keyid}. "
                "Now choose the ruleset file."
            ).format(keyid=key.keyid[:16])
        )
        return True

    def submit(self) -> None:
        problems: list[tuple[str, Callable[[], None]]] = []
        if not self.name.text().strip():
            problems.append((self.tr("Enter your name"), self.name.setFocus))
        try:
            pin.check_new_pin(self.pin.text())
            if self.pin.text() != self.pin_again.text():
                problems.append((self.tr("The two PINs are not the same"), self.pin_again.setFocus))
        except RasdeskError:
            problems.append((self.tr("A PIN is 4 to 12 digits"), self.pin.setFocus))
        if rulesets.current_sha256() is None:
            problems.append((self.tr("Choose your council's ruleset file"), self.choose_ruleset))
        if problems:
            if self.summary is not None:
                self.summary.setParent(None)
            self.summary = ErrorSummary(self.tr("There is a problem"), problems)
            self.show_summary(self.summary, self.summary.links)
            return
        try:
            settings.set_user("assessor_name", self.name.text().strip())
            pin.set_pin(self.pin.text())
        except RasdeskError as exc:
            show_error(self, exc)
            return
        self.set_up = True
        self.kept.clear()
        self.done()
