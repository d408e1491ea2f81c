"""reports/index.html: one page linking the HTML reports that `make analyses CORPUS=...` writes.

    python -m newskit.view.reports reports ~/my-articles
"""
from __future__ import annotations

import html
import json
import sys
from pathlib import Path


def notebook_summary(path: Path) -> tuple[str, str]:
    """(title, first sentence of the introduction) from an executed notebook's first markdown cell."""
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    for cell in cells:
        if cell.get("cell_type") != "markdown":
            continue
        source = "".join(cell.get("source", []))
        lines = [line.strip() for line in source.splitlines() if line.strip()]
        title = lines[0].lstrip("# ").strip() if lines else path.stem
        intro = " ".join(lines[1:])
        return title, intro.split(". ")[0].rstrip(".") + "." if intro else ""
    return path.stem, ""


def write_index(folder: str | Path, corpus: str = "") -> Path:
    """Write folder/index.html linking every NN_name.html report beside its notebook."""
    folder = Path(folder)
    items = []
    for report in sorted(folder.glob("*.html")):
        if report.name == "index.html":
            continue
        notebook = report.with_suffix(".ipynb")
        title, intro = notebook_summary(notebook) if notebook.exists() else (report.stem, "")
        items.append(f'<li><a href="{html.escape(report.name)}">{html.escape(title)}</a>'
                     + (f"<br><span>{html.escape(intro)}</span>" if intro else "") + "</li>")
    heading = "newskit reports" + (f" on {html.escape(corpus)}" if corpus else "")
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{heading}</title>"
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
            "li{margin-bottom:1em}span{color:#555}</style></head>"
            f"<body><h1>{heading}</h1><ol>{''.join(items)}</ol>"
            "<p>The executed notebooks (.ipynb) lie beside the reports; open them in JupyterLab to "
            "explore interactively.</p></body></html>\n")
    out = folder / "index.html"
    out.write_text(page, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m newskit.view.reports FOLDER [CORPUS]", file=sys.stderr)
        return 2
    print(f"wrote {write_index(args[0], args[1] if len(args) > 1 else '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
