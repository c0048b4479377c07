"""Build a corpus of N reports from the seeds, varied as real batches vary.

Usage: python benchmarks/corpus.py N OUT_DIR [--size BYTES]

Each report is a seed with, at random (fixed seed, so corpora are reproducible): a section
removed, the organ changed, the date changed, and an encoding of UTF-8, GB18030 or UTF-16.
With --size, one report of about that many bytes is written instead (for size scaling).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORGANS = ["清远市", "安溪县", "江门市江海区", "重庆市渝北区", "永春县", "德化县", "南安市", "惠安县"]
DATES = ["2024年1月29日", "2024年2月30日", "2024年3月15日", "2024-01-29", "二〇二四年一月十日"]
ENCODINGS = ["utf-8", "utf-8", "utf-8", "gb18030", "utf-16"]


def seeds() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    headings = [i for i, line in enumerate(lines) if line.lstrip("# ")[:2] in ("二、", "三、", "四、")]
    if headings and rng.random() < 0.3:                       # drop a section's heading line
        del lines[rng.choice(headings)]
    text = "\n".join(lines)
    if rng.random() < 0.5:
        for organ in ORGANS:
            if organ in text:
                text = text.replace(organ, rng.choice(ORGANS))
                break
    if rng.random() < 0.4:
        for date in ("2024年2月29日", "2024年1月29日", "2022 年 1 月 10 日"):
            text = text.replace(date, rng.choice(DATES))
    return text


def build(count: int, out: Path) -> None:
    rng = random.Random(20261122)
    base = seeds()
    out.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = mutate(base[index % len(base)], rng)
        encoding = rng.choice(ENCODINGS)
        (out / f"report-{index:05d}.txt").write_bytes(text.encode(encoding, errors="replace"))


def build_large(size: int, out: Path) -> Path:
    """One report of about `size` bytes: a seed whose measures repeat until it is that long."""
    text = seeds()[4]
    head, tail = text.split("二、2021 年主要负责人", 1)
    body = head.split("一、2021 年推进", 1)[1]
    repeats = max(1, size // len(body.encode("utf-8")))
    path = out / f"large-{size}.txt"
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(head + body * repeats + "二、2021 年主要负责人" + tail, encoding="utf-8")
    return path


if __name__ == "__main__":
    if "--size" in sys.argv:
        print(build_large(int(sys.argv[sys.argv.index("--size") + 1]), Path(sys.argv[2])))
    else:
        build(int(sys.argv[1]), Path(sys.argv[2]))
