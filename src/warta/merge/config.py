"""The knobs of cross-article merging, in one frozen object with measured defaults.

Thresholds were set on a hand-labelled merge gold (``benchmarks/merge_gold``); the
semantic ones depend on the text encoder, so each encoder has its own.
"""

from __future__ import annotations

from dataclasses import dataclass

# PLOVER's four quad classes: events of one family can be one happening told two ways
# (a meeting coded CONSULT by one outlet, AGREE by another).
FAMILIES: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}
# Types whose actor and recipient can swap without changing the happening.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class EncoderThresholds:
    story: float  # article (title + lead) cosine at or above which two articles share a story
    title_dup: float  # title cosine a body near-duplicate needs (else: shared boilerplate)
    event_text: float  # evidence-sentence cosine that counts as support for an event merge
    cross_language: float  # ``story`` for articles in two languages (their cosines run lower)


@dataclass(frozen=True, slots=True)
class MergeConfig:
    num_perm: int = 128  # MinHash permutations
    shingle: int = 3  # words per shingle (5 loses lightly edited copies)
    lsh_threshold: float = 0.3  # LSH candidate threshold (recall first; scored after)
    duplicate: float = 0.5  # MinHash Jaccard of a syndicated / near-duplicate copy
    shared_text: float = 0.2  # Jaccard that alone makes two articles one story
    min_shingles: int = 30  # bodies shorter than this never count as copies
    story_days: float = 3.0  # articles further apart in publication time are not one story
    neighbours: int = 25  # semantic candidates examined per new article
    link_density: float = 0.34  # share of linked pairs two article groups need to join
    event_density: float = 0.5  # same for two event groups
    event_threshold: float = 0.45  # event pair score needed to link two events
    date_slack_days: int = 1  # event date windows this far apart still overlap
    near_km: float = 30.0  # places this close are one place
    far_km: float = 400.0  # precise places further apart are different happenings
    lead_chars: int = 240  # title + lead characters the encoder reads
    evidence_chars: int = 200  # evidence sentence characters the encoder reads
    semantic: EncoderThresholds = EncoderThresholds(
        story=0.62, title_dup=0.35, event_text=0.55, cross_language=0.52
    )
    lexical: EncoderThresholds = EncoderThresholds(
        story=0.45, title_dup=0.25, event_text=0.45, cross_language=1.01
    )

    def thresholds(self, encoder: str) -> EncoderThresholds:
        return self.lexical if encoder == "lexical" else self.semantic
