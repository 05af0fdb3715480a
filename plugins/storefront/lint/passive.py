"""English passive voice, read the way Yoast's English assessment reads it.

A sentence is cut into clauses at commas, colons, semicolons, dashes, clause words ("that",
"which", "because", "when", …) and verbs ending in -ing; a clause part starts at each
auxiliary (a form of *be* or *get*, "having", and their contractions: "it's", "isn't",
"you're"), and the part is passive when a past participle follows in it: a word ending in
-ed or an irregular participle, however many words stand between ("are constantly cling
wrapped"). Not passive:

* a word that is an adjective in meaning (`data/not_participles_en.txt`: "annoyed",
  "depressed", "disappointed" and "upset", as Yoast decided in Yoast/javascript#903, and
  other -ed words that are not verbs: "need", "hundred");
* a participle right after a determiner, possessive, number or preposition ("was an
  accomplished pianist", "help with my broken computer"; Yoast/YoastSEO.js#641);
* a part where a subject pronoun, another verb or an infinitive's "to" stands between the
  auxiliary and the participle ("this is the page we created", "you are welcome to attach
  generated reports");
* "getting started", "got rid of", "get used to";
* "done" and "gone" unless "by" follows ("you're done", "we are done with it"), and "fit"
  unless "with", "into" or "by" follows ("he was fit with hearing aids" is passive, "the
  plumber is fit and healthy" is not).
"""

from __future__ import annotations

import re
from functools import cache

from . import language


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TOKEN = re.compile(r"[^\W\d_][\w'’]*|[,;:()–—]| - ")

AUXILIARIES = _set("""am is are was were be been being get gets got gotten getting having
i'm you're we're they're he's she's it's that's what's isn't aren't wasn't weren't""")
_BREAKS = _set("""and but or nor because although though while whereas if unless until when whenever
where wherever that which who whom whose what so than since after before then yet however therefore
whether once""")
# -ing words that are not verb forms (they do not end a clause).
_NOT_ING = _set("""king cling ring being thing something anything nothing everything spring string
sing bring sting swing wing during morning evening ceiling""")
# Right before a participle, these make it an adjective ("an accomplished pianist").
_NO_DIRECT = _set("""a an the this that these those my your his her its our their no some any every each
another one two three four five six seven eight nine ten few many much more most several such
in on at of for from to into onto with without about over under between through""")
# Between the auxiliary and the participle, these make the participle belong to another verb.
_NO_BETWEEN = _set("""i you he she we they have has had do does did can could will would shall should
may might must to""")
# After a form of "get", these make an idiom, not a passive ("getting started", "got rid of").
_GET = _set("get gets got gotten getting")
_GET_IDIOMS = _set("started rid used")


_PREFIXES = ("re", "un", "over", "under", "mis", "out", "pre", "with")


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    return language.word_list("participles_en.txt"), language.word_list("not_participles_en.txt")


def _tokens(sentence: str) -> list[str]:
    return [token.strip().lower().replace("’", "'") for token in _TOKEN.findall(sentence)]


def _clauses(tokens: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for index, token in enumerate(tokens):
        if not token[0].isalpha() or token == "-":
            out.append([])
            continue
        if token in _BREAKS:
            # "quickly and carefully rebuilt": a conjunction between two adverbs joins them
            joined = (token in ("and", "or") and 0 < index < len(tokens) - 1
                      and tokens[index - 1].endswith("ly") and tokens[index + 1].endswith("ly"))
            if not joined:
                out.append([token])
                continue
        if token.endswith("ing") and token not in _NOT_ING and token not in AUXILIARIES:
            out.append([])
            continue
        out[-1].append(token)
    return [clause for clause in out if clause]


def _participle(word: str, following: str, participles: frozenset[str], not_participles: frozenset[str]) -> bool:
    if word in not_participles:
        return False
    if word in ("done", "gone"):
        return following == "by"
    if word == "fit":
        return following in ("with", "into", "by")
    if word in participles or (len(word) > 3 and word.endswith("ed") and word.isalpha()):
        return True
    # "rebuilt", "overdone", "misunderstood", "unseen": a prefix on an irregular participle
    return any(word.startswith(prefix) and word[len(prefix):] in participles for prefix in _PREFIXES)


def is_passive(sentence: str) -> bool:
    """Whether an English sentence has a clause in the passive voice."""
    tokens = _tokens(sentence)
    if AUXILIARIES.isdisjoint(tokens):  # a passive clause starts at an auxiliary ("is", "was", "got" …)
        return False
    participles, not_participles = _words()
    for clause in _clauses(tokens):
        starts = [index for index, word in enumerate(clause) if word in AUXILIARIES]
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else len(clause)
            part = clause[start + 1:end]
            for index, word in enumerate(part):
                following = part[index + 1] if index + 1 < len(part) else ""
                if not _participle(word, following, participles, not_participles):
                    continue
                before = part[index - 1] if index else clause[start]
                if before in _NO_DIRECT or not _NO_BETWEEN.isdisjoint(part[:index]):
                    continue
                if clause[start] in _GET and word in _GET_IDIOMS:
                    continue
                return True
    return False
