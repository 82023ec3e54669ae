"""Sentence shapes shared by several parts of the claims stage (how badly people were hurt, "others", died)."""
from __future__ import annotations

import re

# a person set apart by a state of their own is not one of a list counted together
STATE_WORDS = re.compile(r"\b(?:deceased|dead|injured|wounded|killed|hurt|slain|missing)\b", re.IGNORECASE)

# the dead among people counted as hurt: "one of them later died", "two of whom were killed"
DIED = (r"(?:later\s+|has\s+since\s+|have\s+since\s+|since\s+)?(?:has\s+|had\s+|have\s+)?(?P<died>died|was\s+killed|were\s+killed|"
         r"succumbed|did\s+not\s+survive|was\s+pronounced\s+dead|were\s+pronounced\s+dead|is\s+dead|are\s+dead)\b")

# how badly people were hurt: adverbs said of the verb ("seriously injured"), and words said of the injuries
SEVERITY_ADVERBS = r"seriously|critically|severely|gravely|badly|mortally|slightly|superficially"

SEVERITY = r"(?:" + SEVERITY_ADVERBS + r"|minor|non-life[- ]threatening|life[- ]threatening|non[- ]life[- ]threatening)"

SEVERITY_ANY = re.compile(r"\b(?:" + SEVERITY[3:-1] + r"|critical|serious|stable|grave|minor|fair)\b", re.IGNORECASE)

# "22 others", "three other people": a group beside one counted before it in the sentence
OTHERS_AFTER = re.compile(r"^\s+(?:others\b|other\s+[a-z]+)", re.IGNORECASE)
