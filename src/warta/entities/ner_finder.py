"""A mention finder that adds the statistical NER model to the rules.

The rules and lexicons go first: they know codes, sectors, roles and canonical names,
and on dev gold they are more precise than the model. The model then adds the names the
rules missed (people without a title cue, organisations and places outside the
lexicons) and replaces the rules' weakest guesses (a lone capitalised word taken for a
surname) when it tags that word as something else. Languages without a model get the
rules alone.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import TYPE_CHECKING

from ..geo.gazetteer import Gazetteer
from ..text import sentences
from .knowledge import org_table
from .mentions import Mention, MentionFinder, RuleMentionFinder, datelines, stopwords
from .sectors import country_of, sector_of
from .states import canonical_name, state_table

if TYPE_CHECKING:  # warta.ner imports the entity lexicons; imported when first used
    from ..ner.model import NerModel, NerSpan

_TYPES = {"PER": "PERSON", "ORG": "ORG"}
# rule guesses the model may overrule: bare capitalised words, not lexicon hits
_WEAK_KINDS = ("surname?",)
# The model's spans kept: those whose every tag has at least this marginal probability.
# On idner-news-2k dev, 0.9 keeps 82% of the correct spans at 0.90 precision (0.81 with
# no threshold); on dev gold articles 0.7-0.85 added false people (company names).
MIN_CONFIDENCE = 0.9
# A person the model sees only ends a rule's organisation name, so a weaker reading does:
# "Kementerian Luar Negeri Bambang (Bams) Suryanto" gives "Bambang" 0.55.
PERSON_HINT_CONFIDENCE = 0.5


class ModelMentionFinder:
    """``rules`` + the packaged (or given) NER model for the article's language."""

    def __init__(
        self,
        rules: MentionFinder,
        gazetteer: Gazetteer,
        models: dict[str, NerModel] | None = None,
        min_confidence: float = MIN_CONFIDENCE,
    ) -> None:
        self.rules = rules
        self.min_confidence = min_confidence
        self.gazetteer = gazetteer
        self._models: dict[str, NerModel | None] = dict(models or {})

    def model(self, lang: str) -> NerModel | None:
        if lang not in self._models:
            from ..ner.model import load_model, packaged_model_path

            path = packaged_model_path(lang)
            self._models[lang] = load_model(path, lang, self.gazetteer) if path else None
        return self._models[lang]

    def __call__(self, text: str, lang: str) -> list[Mention]:
        model = self.model(lang)
        if model is None:
            return self.rules(text, lang)
        spans = [s for r in sentences(text, lang) for s in model.find(text, r.start, r.end)]
        if isinstance(self.rules, RuleMentionFinder):
            # where the model sees a person, a body's name found by its head word ends
            # ("Kementerian Luar Negeri Bambang Suryanto"): the rules need not guess
            people = [(s.start, s.end) for s in spans
                      if s.type == "PER" and s.confidence >= PERSON_HINT_CONFIDENCE]  # fmt: skip
            found = self.rules(text, lang, people)
        else:
            found = self.rules(text, lang)
        stop = stopwords(lang)
        # mentions by start (bisected), so a clash is found among the few nearby and a
        # long document is not quadratic; removed ones become None, new ones append
        out: list[Mention | None] = list(found)
        keys = sorted((m.start, i) for i, m in enumerate(found))
        longest = max((m.end - m.start for m in found), default=0)
        dated = datelines(text)
        for sp in spans:
            if sp.confidence < self.min_confidence:
                continue
            if any(s < sp.end and sp.start < e for s, e in dated):
                continue  # a glued dateline ("WASHINGTON DC -Donald"): no name's part
            if sp.text.lower() in stop or not sp.text[:1].isupper():
                continue
            near = keys[bisect_left(keys, (sp.start - longest,)) : bisect_left(keys, (sp.end,))]
            clash = [(k, m) for k in near if (m := out[k[1]]) is not None and sp.start < m.end]
            mention = self._mention(sp, lang)
            if not all(_overridable(m, mention) for _, m in clash):
                continue
            if clash and mention.type == "PERSON" and all(m.type == "PERSON" for _, m in clash):
                continue  # same reading as the rule's guess: keep the rule's
            for k, _ in clash:
                out[k[1]] = None
                del keys[bisect_left(keys, k)]
            insort(keys, (mention.start, len(out)))
            out.append(mention)
            longest = max(longest, mention.end - mention.start)
        return sorted((m for m in out if m is not None), key=lambda m: m.start)

    def _mention(self, sp: NerSpan, lang: str) -> Mention:
        if sp.type == "LOC":
            state = state_table(lang).get(sp.text)
            if state is not None:
                code = state.code
                return Mention(sp.start, sp.end, sp.text, "GPE", canonical_name(code) or code,
                               code=code)  # fmt: skip
            places = self.gazetteer.lookup(sp.text)
            if places:
                best = max(places, key=lambda g: (g.population, g.feature == "PPLC"))
                typ = "GPE" if best.feature[:3] in ("PPL", "ADM", "PCL") else "LOC"
                town = best.feature.startswith("PPL") and best.name.isascii()
                canon = best.name if town else sp.text
                return Mention(sp.start, sp.end, sp.text, typ, canon)
            return Mention(sp.start, sp.end, sp.text, "LOC", sp.text)
        typ = _TYPES[sp.type]
        if typ == "ORG":
            known = org_table().get(sp.text)
            if known is not None:
                return Mention(sp.start, sp.end, sp.text, known.type, known.name,
                               code=known.code, sector=known.sector)  # fmt: skip
            owner, sector = country_of(sp.text, lang), sector_of(sp.text, lang)
            return Mention(sp.start, sp.end, sp.text, "ORG", sp.text, code=owner, sector=sector)
        return Mention(sp.start, sp.end, sp.text, "PERSON", sp.text)


def _overridable(rule: Mention, model: Mention) -> bool:
    """Whether the model's reading replaces the rule's: only for the rules' guesses, a
    lone capitalised word taken for a surname, or for a bare gazetteer hit (no state
    code) that the model reads as a person or organisation ("Roy" is also a town)."""
    if rule.kind in _WEAK_KINDS:
        return True
    gazetteer_only = rule.kind == "name" and rule.type in ("GPE", "LOC") and rule.code is None
    return gazetteer_only and model.type in ("PERSON", "ORG")
