"""Render page 1 of seed 004's reviewed copy, comments in the margin, to docs/review-page.png.

Needs LibreOffice 7.5 or newer (PDF export of comments in the margin; Debian bookworm:
`apt-get install -t bookworm-backports libreoffice-writer-nogui libreoffice-uiconfig-writer`,
the second package holds the comment window LibreOffice lays out) and poppler's pdftoppm.
A throw-away LibreOffice profile narrows the comment column so it fits on the page.

    python docs/tools/review_picture.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "004_3b8f22655ae3d0b6.txt"
TARGET = ROOT / "docs" / "review-page.png"
MARGIN = '{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
NARROW_COMMENTS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
<item oor:path="/org.openoffice.Office.Writer/Notes"><prop oor:name="DisplayWidthFactor" oor:op="fuse"><value>1.0</value></prop></item>
</oor:items>
"""


def main() -> int:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("needs soffice (LibreOffice >= 7.5) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "profile" / "user").mkdir(parents=True)
        (work / "profile" / "user" / "registrymodifications.xcu").write_text(NARROW_COMMENTS, encoding="utf-8")
        reviewed = work / "审查稿.docx"
        subprocess.run([sys.executable, "-m", "lawlint", "--format", "docx", "-o", str(reviewed), str(SEED)],
                       check=False)   # exit 1: the seed has findings
        subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                        "--convert-to", f"pdf:writer_pdf_Export:{MARGIN}", "--outdir", str(work),
                        str(reviewed)], check=True, capture_output=True, timeout=180)
        subprocess.run([pdftoppm, "-r", "100", "-f", "1", "-l", "1", "-png", "-singlefile",
                        str(work / "审查稿.pdf"), str(TARGET.with_suffix(""))], check=True)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
