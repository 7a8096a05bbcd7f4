"""The translation gate: every .po file must be 100% translated, with no fuzzy entry, and
follow the terminology of book/README.md.

    python book/check_translations.py [LOCALE_DIR]

prints one line of statistics per .po file, lists what is missing and every forbidden term
(a row of the README's terminology table whose English is in a message and one of whose
forbidden forms is in its translation; a form of its "Forbidden forms" table, whatever the
English; a decimal comma running into a list comma; a % sign against its number; a formula
that is not the English one but for its words), and exits with status 1 unless all is
well. A .po file that lags behind its English source (text added since the last ``make po``)
is caught by the Catalan build itself: see book/_ext.

Standard library only, so that ``make test`` can run it without the book's dependencies.
"""

from __future__ import annotations

import argparse
import ast
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"


@dataclass
class Entry:
    msgid: str = ""
    msgstrs: list[str] = field(default_factory=list)
    fuzzy: bool = False
    line: int = 0

    @property
    def translated(self) -> bool:
        return bool(self.msgstrs) and all(self.msgstrs)


def parse_po(text: str) -> list[Entry]:
    """The live entries of a .po/.pot file, without the header and obsolete (#~) entries."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: str | None = None  # where a continuation line ("...") belongs

    def entry() -> Entry:
        """The entry a comment or msgid belongs to: a new one once a msgstr has been read."""
        nonlocal current
        if current is None or current.msgstrs:
            if current is not None:
                entries.append(current)
            current = Entry()
        return current

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            flags = line[2:].replace(",", " ").split() if line.startswith("#,") else []
            entry().fuzzy |= "fuzzy" in flags
            target = None
        elif line.startswith('"'):
            if target == "msgid":
                entry().msgid += ast.literal_eval(line)
            elif target == "msgstr":
                current.msgstrs[-1] += ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if keyword == "msgid":
                e = entry()
                e.msgid, e.line, target = value, number, "msgid"
            elif keyword.startswith("msgstr"):
                current.msgstrs.append(value)
                target = "msgstr"
            else:  # msgctxt, msgid_plural: not needed to judge a translation
                entry()
                target = None
    if current is not None:
        entries.append(current)
    return [e for e in entries if e.msgid]


@dataclass
class Term:
    english: re.Pattern  # the English term or its plural, as a word
    catalan: str
    forbidden: list[tuple[str, re.Pattern]]


def _word(text: str) -> str:
    return r"(?<!\w)" + text + r"(?!\w)"


def _english_pattern(terms: str) -> re.Pattern:
    """``entry (of a matrix) / input`` matches entry, entries, input, inputs."""
    words = []
    for term in re.sub(r"\([^)]*\)", "", terms).split("/"):
        term = re.escape(term.strip().lower()).replace(r"\ ", r"\s+")
        words.append(term[:-1] + "(?:y|ies)" if term.endswith("y") else term + "(?:s|es)?")
    return re.compile(_word("(?:" + "|".join(words) + ")"), re.IGNORECASE)


def _table(readme: Path, heading: str, columns: int) -> list[list[str]]:
    """The cells of each body row of the first table under ``### heading`` in the README."""
    lines = readme.read_text(encoding="utf-8").split(f"### {heading}", 1)[1].splitlines()
    rows = []
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|"):
            if rows:
                break             # the table has ended
        elif len(cells) >= columns and not set(cells[0]) <= set("-"):
            rows.append(cells)
    return rows[1:]               # rows[0] is the header


def terminology(readme: Path = README) -> list[Term]:
    """The rows of the README's terminology table (English | Català | Forbidden | Note)."""
    terms = []
    for cells in _table(readme, "Terminology", 3):
        forbidden = [(f.strip(), re.compile(_word(re.escape(f.strip())), re.IGNORECASE))
                     for f in cells[2].split(",") if f.strip()]
        terms.append(Term(_english_pattern(cells[0]), cells[1], forbidden))
    return terms


# What a translation may keep in English or in any form: code, formulas, roles' targets, and
# English glosses in brackets, «el *moment* (*momentum*)», «(en anglès, *autoencoder*)».
_NOT_PROSE = re.compile(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|\((?:en anglès, )?\*[^)]*\*\)", re.S)


def forbidden_terms(entry: Entry, terms: list[Term]) -> list[str]:
    """One message per forbidden form that ``entry``'s translation uses."""
    english = _NOT_PROSE.sub(" ", entry.msgid)
    catalan = _NOT_PROSE.sub(" ", " ".join(entry.msgstrs))
    problems = []
    for term in terms:
        if not term.english.search(english):
            continue
        for form, pattern in term.forbidden:
            if pattern.search(catalan):
                problems.append(f"«{form}» for {term.english.search(english).group(0)!r} "
                                f"(the terminology says «{term.catalan}»)")
    return problems


# Formulas are kept out of the terminology check above, but a word inside one is read too.
_FORMULA_WORD = re.compile(r"\\(?:text|mathrm|operatorname)\{([^{}]*)\}")
# Words a Catalan formula keeps as they are: names the book uses in both languages, abbreviations
# that are Catalan too, and the English corpus's own words that chapter 10 computes with.
SAME_IN_CATALAN = {"softmax", "ReLU", "GELU", "LN", "MLP", "conv", "Var", "val", "error",
                   "king", "man", "woman", "queen"}
# English words found inside Catalan formulas (issue 19): caught even where the msgid has another.
ENGLISH_IN_FORMULAS = {"encoder", "decoder", "step", "self", "parent", "in", "out", "cols",
                       "one-hot", "patience", "sign", "Attention", "MultiHead", "head", "train",
                       "test", "fan\\_in"}


def english_in_formulas(entry: Entry) -> list[str]:
    """One message per English word inside a \\text{}, \\mathrm{} or \\operatorname{} of the
    translation: a known English word, or any word copied from the msgid's formulas. A code name
    stays English as code, \\texttt{step}, which this does not read."""
    copied = {w for w in _FORMULA_WORD.findall(entry.msgid)
              if re.search(r"[A-Za-z]{2}", w) and w not in SAME_IN_CATALAN}
    return [f"English {word!r} in a formula" for word in _FORMULA_WORD.findall(" ".join(entry.msgstrs))
            if word in ENGLISH_IN_FORMULAS or word in copied]


_MATH = re.compile(r"\$\$(.+?)\$\$|(?<!\\)\$(?!\$)(.+?)(?<!\\)\$", re.S)
# What a translation may change in a formula: spaces, and the words of \text{} and its kin, with
# the symbol they subscript (n_\text{in} may become n_\text{ent}, \text{step} \texttt{step}).
_TRANSLATABLE = re.compile(r"\s+|(?:[A-Za-z]_)?\\(?:text|texttt|mathrm|operatorname)\{[^{}]*\}")


def _shape(formula: str) -> str:
    return _TRANSLATABLE.sub(lambda m: "" if m.group().isspace() else "\N{MIDDLE DOT}", formula)


def changed_formulas(entry: Entry) -> list[str]:
    """One message per formula of the translation that is not one of the English formulas, or a
    piece of one, once their words and spaces are set aside. A formula keeps the English decimal
    point and list commas, which the Catalan build sets as 0,5 and 1; 0,9 (book/_ext/catalan.py):
    a comma typed by hand, «$\\tau = 0,5$», would be set as a list comma, 0, 5."""
    english = [_shape(a or b) for a, b in _MATH.findall(entry.msgid)]
    return [f"formula «${(a or b).strip()}$» is not the English one (only its words are "
            f"translated; the build sets decimal commas and list semicolons)"
            for a, b in _MATH.findall(" ".join(entry.msgstrs))
            if _shape(a or b) != "\N{MIDDLE DOT}" and not any(_shape(a or b) in e for e in english)]


def _form(text: str) -> re.Pattern:
    """``text`` as a whole form: «(blau)» or «, blau)» need no word boundary at their brackets."""
    return re.compile((r"(?<!\w)" if text[0].isalnum() else "") + re.escape(text)
                      + (r"(?!\w)" if text[-1].isalnum() else ""), re.IGNORECASE)


def forbidden_forms(readme: Path = README) -> list[tuple[str, str, re.Pattern]]:
    """(form, what to write, pattern) for each form of the README's "Forbidden forms" table."""
    return [(f.strip(), cells[1], _form(f.strip())) for cells in _table(readme, "Forbidden forms", 2)
            for f in cells[0].split(";") if f.strip()]


# A decimal comma followed by a list comma in prose, «x = 4,8, 4», «w = 3,2, b = 6,4». (In a
# formula the Catalan build itself writes $1, 0.9$ as 1; 0,9: book/_ext/catalan.py.)
_DECIMAL_THEN_LIST = re.compile(r"\d,\d+, (?:[−-]?\d|[^\W\d_][\w′]* ?=)")
# A percentage sign against its number: Catalan writes a (no-break) space before it, «30 %».
_PERCENT_UNSPACED = re.compile(r"\d%")


def wrong_forms(entry: Entry, forms: list[tuple[str, str, re.Pattern]]) -> list[str]:
    """One message per forbidden form, and per decimal comma that runs into a list comma, in
    ``entry``'s translation, whatever its English."""
    text = re.sub(r"`[^`]*`|\$\$.*?\$\$", " ", " ".join(entry.msgstrs), flags=re.S)
    prose = _NOT_PROSE.sub(" ", text)
    problems = [f"«{form}» (write «{advice}»)" for form, advice, pattern in forms
                if pattern.search(prose)]
    problems += [f"decimal comma then list comma «{m.group(0)}»"
                 for m in _DECIMAL_THEN_LIST.finditer(prose)]
    problems += [f"«{m.group(0)}» (write a space before %: «30 %»)"
                 for m in _PERCENT_UNSPACED.finditer(prose)]
    return problems


def check(locale_dir: Path, terms: list[Term] | None = None) -> bool:
    """Print statistics and problems for every .po under ``locale_dir``; True if all is well."""
    po_files = sorted(locale_dir.rglob("*.po"))
    terms = terminology() if terms is None else terms
    forms = forbidden_forms()
    ok = bool(po_files)
    if not po_files:
        print(f"no .po files under {locale_dir}")
    for po in po_files:
        entries = parse_po(po.read_text(encoding="utf-8"))
        done = sum(e.translated and not e.fuzzy for e in entries)
        fuzzy = [e for e in entries if e.fuzzy]
        missing = [e for e in entries if not e.translated and not e.fuzzy]
        # Rounded down: 199 of 200 must not read as 100%.
        percent = math.floor(100.0 * done / len(entries)) if entries else 100
        print(f"{po.relative_to(locale_dir)}: {done}/{len(entries)} translated ({percent}%), "
              f"{len(fuzzy)} fuzzy, {len(missing)} untranslated")
        for label, bad in (("fuzzy", fuzzy), ("untranslated", missing)):
            for e in bad:
                print(f"    {label} (line {e.line}): {e.msgid[:70]!r}")
        wrong_terms = [(e, problem) for e in entries if e.translated
                       for problem in forbidden_terms(e, terms) + english_in_formulas(e)
                       + changed_formulas(e)
                       + wrong_forms(e, forms)]
        for e, problem in wrong_terms:
            print(f"    forbidden term (line {e.line}): {problem}")
        ok = ok and not fuzzy and not missing and not wrong_terms
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("locale_dir", nargs="?", type=Path, default=HERE / "locales")
    args = parser.parse_args(argv)
    ok = check(args.locale_dir)
    print("translations: complete" if ok else "translations: INCOMPLETE (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
