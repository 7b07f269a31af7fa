"""Size limits for input files: a draft is at most a few MB; these stop a
mistaken or hostile file from hanging or exhausting the workbench."""

MAX_FILE_BYTES = 100 * 1024 * 1024  # any input file on disk
MAX_TEXT_FILE_BYTES = 30 * 1024 * 1024  # a .txt draft
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024  # all parts of a .docx together (zip bombs)
MAX_TEXT_CHARS = 10_000_000  # extracted text of one document
CONVERT_TIMEOUT_SECONDS = 120  # LibreOffice converting a .doc/.wps
