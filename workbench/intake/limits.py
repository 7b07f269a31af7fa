"""Size limits for input files: a draft is at most a few MB; these stop a
mistaken or hostile file from hanging or exhausting the workbench."""

MAX_FILE_BYTES = 100 * 1024 * 1024  # any input file on disk
MAX_TEXT_FILE_BYTES = 30 * 1024 * 1024  # a .txt draft
# The XML parts of a .docx together, counted as they inflate (zip bombs, and
# parsing cost: python-docx's tree takes ~13 bytes of memory per byte of XML).
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_TEXT_CHARS = 10_000_000  # extracted text of one document
CONVERT_TIMEOUT_SECONDS = 120  # LibreOffice converting a .doc/.wps
