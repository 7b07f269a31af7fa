#!/usr/bin/env bash
# One entry point for a fresh Debian machine (also Ubuntu, UOS, Kylin):
#   bash scripts/dev.sh start [FILES…]   set up, then open the workbench (with the sample draft)
#   bash scripts/dev.sh test [PYTEST ARGS…]   set up, then run every test (what CI runs)
#   bash scripts/dev.sh setup            only set up
#   bash scripts/dev.sh bundle           build dist/legality-workbench/ (PyInstaller; runs without Python)
#   bash scripts/dev.sh wheelhouse [DIR] wheels of the workbench and every dependency (default dist/wheelhouse)
# Set-up is idempotent and quick once done: the Debian packages Qt needs and a
# Chinese font (without one Qt draws boxes, silently), then a virtual
# environment at .venv with the package installed in editable mode.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  # Qt offscreen and xcb platform plugins
  libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6 libxkbcommon0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0
  libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  # Chinese fonts for the screen and printed output
  fonts-wqy-microhei
  # LibreOffice Writer without its GUI: converts .doc/.wps drafts, and the tests open the
  # annotated draft (批注稿) with it and print it to PDF, as a reader's office suite would
  libreoffice-writer-nogui
  # A Song/Ming (serif) face for printed letters and registers, as official documents are set:
  # AR PL UMing (8 MB) rather than Noto Serif CJK (56 MB); 仿宋/宋体 are used instead where installed.
  fonts-arphic-uming
  # Scanned PDFs: pdftoppm renders the pages, Tesseract reads them with its Chinese model
  poppler-utils tesseract-ocr tesseract-ocr-chi-sim
  # objcopy and objdump, which PyInstaller runs to build the bundle (dev.sh bundle)
  binutils
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

setup_system() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "非 Debian 系统：请自行安装 Qt 运行库和中文字体（见 README）。"; return 0; }
  local missing=()
  python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "安装系统软件包：${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

setup_python() {
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # Reinstall only when the project's metadata changed since the last install.
  if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test,bundle]'
    touch .venv/.installed
  fi
}

cmd="${1:-start}"
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) setup_system; setup_python ;;
  start)
    setup_system; setup_python
    if [ $# -eq 0 ]; then set -- "$(.venv/bin/python -c 'from workbench.gui.app import sample_document_path; print(sample_document_path())')"; fi
    exec .venv/bin/workbench gui "$@" ;;
  test)
    setup_system; setup_python
    export QT_QPA_PLATFORM=offscreen
    exec .venv/bin/python -m pytest "$@" ;;
  bundle)
    setup_system; setup_python
    exec .venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
      packaging/legality-workbench.spec ;;
  wheelhouse)
    setup_system; setup_python
    # pip install --no-index --find-links DIR legality-review-workbench installs from it, offline.
    exec .venv/bin/python -m pip wheel --quiet --wheel-dir "${1:-dist/wheelhouse}" . ;;
  *) echo "用法：bash scripts/dev.sh start|test|setup|bundle|wheelhouse" >&2; exit 2 ;;
esac
