"""One controller per panel of the main window.

A controller fills its panel from the review shown (``show(state, document)``)
and turns the panel's requests into writes to the log through the window's
``Workspace``; after a write the window re-reads the review and every
controller shows it again. The window itself only builds and lays out, opens
and checks files, and runs the tools. To add a panel: a widget in
``workbench.gui.panels``, a controller here, one line in ``MainWindow._build_centre``.
"""

from workbench.gui.controllers.conclusion import ConclusionController
from workbench.gui.controllers.findings import FindingsController
from workbench.gui.controllers.opinions import OpinionsController
from workbench.gui.controllers.queue import QueueController
from workbench.gui.controllers.revision import RevisionController

__all__ = ["QueueController", "FindingsController", "OpinionsController", "ConclusionController", "RevisionController"]
