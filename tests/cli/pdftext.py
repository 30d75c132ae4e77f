#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""pdftext.py - a PDF export read back with pdftotext (poppler-utils).

  pdftext.py body FILE.pdf          the text of the pages, without their
                                    header and footer, runs of spaces as one
  pdftext.py same FILE.pdf FILE.txt whether the PDF says what the text
                                    export says, character for character

Both first check every page's frame: its first line is the document's
title (the same on every page), its last line the initials field and
"Page N of M" (or "Sida N av M"), N counting up to M, the number of pages.
A fault is one line on stderr and exit status 1.

`same` compares the texts with what only the layout makes different taken
out: white space (lines wrap elsewhere), the text export's underlines,
list dashes and warning marks against the PDF's bullets and warning signs,
the control marks pdftotext puts around right-to-left text, and brackets,
which pdftotext puts beside a right-to-left name by where they stand on
the page, not by where they are in the text.
"""
import re
import subprocess
import sys

FOOTER = re.compile(r"^(.*?)\s+(?:Page|Sida) (\d+) (?:of|av) (\d+)$")


def fail(why):
    sys.stderr.write(why + "\n")
    sys.exit(1)


def pages(pdf):
    try:
        out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf,
                              "-"], capture_output=True, check=True,
                             text=True).stdout
    except subprocess.CalledProcessError as e:
        fail("pdftotext cannot read %s: %s" % (pdf, e.stderr.strip()))
    got = out.split("\f")
    if got and not got[-1].strip():
        got.pop()
    return got


def body(pdf):
    """The lines of every page but its frame, checked."""
    ps = pages(pdf)
    if not ps:
        fail("%s has no pages" % pdf)
    title, lines = None, []
    for n, page in enumerate(ps, 1):
        ls = [l.rstrip() for l in page.split("\n")]
        while ls and not ls[0].strip():
            ls.pop(0)
        while ls and not ls[-1].strip():
            ls.pop()
        if len(ls) < 2:
            fail("page %d of %s has no header and footer" % (n, pdf))
        head, foot = ls[0].strip(), ls[-1].strip()
        if title is None:
            title = head
        elif head != title:
            fail("page %d's header is %r, not %r" % (n, head, title))
        m = FOOTER.match(foot)
        if not m or int(m.group(2)) != n or int(m.group(3)) != len(ps):
            fail("page %d's footer is %r, not its number of %d"
                 % (n, foot, len(ps)))
        if not m.group(1).strip().endswith(":"):
            fail("page %d's footer has no field for initials: %r"
                 % (n, foot))
        lines += [re.sub(r"  +", " ", l.strip()) for l in ls[1:-1]]
    while lines and not lines[0]:
        lines.pop(0)
    return lines


BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def squeeze(s):
    return re.sub(r"[\s()]", "", BIDI.sub("", s))


def from_pdf(pdf):
    out = []
    for l in body(pdf):
        l = re.sub("^\u2022 ?", "", l)
        out.append(l.replace("\u26a0", "[!]"))
    return squeeze("".join(out))


def from_txt(path):
    out = []
    for l in open(path, encoding="utf-8").read().split("\n"):
        s = l.strip()
        if s and set(s) <= {"=", "-"}:
            continue
        out.append(re.sub(r"^- ", "", s))
    return squeeze("".join(out))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "body":
        print("\n".join(body(sys.argv[2])))
    elif len(sys.argv) == 4 and sys.argv[1] == "same":
        a, b = from_pdf(sys.argv[2]), from_txt(sys.argv[3])
        if a != b:
            i = next((i for i in range(min(len(a), len(b)))
                      if a[i] != b[i]), min(len(a), len(b)))
            fail("the PDF differs from the text at character %d: "
                 "PDF %r, text %r" % (i, a[max(0, i - 30):i + 40],
                                      b[max(0, i - 30):i + 40]))
    else:
        fail("usage: pdftext.py body FILE.pdf | same FILE.pdf FILE.txt")


main()
