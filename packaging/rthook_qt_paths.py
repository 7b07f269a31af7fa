# Run-time hook of the bundle, in place of PyInstaller's pyi_rth_pyside6: that one imports
# PySide6.QtCore at every start (~0.2 s of CPU, even for `legality-workbench check`) only to
# embed a qt.conf, which the PyPI PySide6 package embeds itself when the window first imports it.
# What remains of it: tell Qt where its plugins are.
import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6") if sys.platform == "win32" else os.path.join(sys._MEIPASS, "PySide6", "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
if sys.platform == "win32":  # DLLs collected beside the program (OpenSSL for QtNetwork, among others)
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
