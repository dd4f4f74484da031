"""Arguments of a trigger: its actor and recipient, seen through voice, reporting verbs,
pronouns, causes ("tewas akibat tembakan X") and purposes ("untuk membantu X").

Language knowledge comes from the ``[morphology]`` table of ``lang/<code>/triggers.toml``:
agent and recipient markers ("oleh", "by", "terhadap", "against"), whether a nominal's
actor follows it ("serangan Israel") or precedes it ("Israeli strikes"), determiners,
anaphors and coordinators.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Participant
from .clauses import main_subject, named_speaker
from .lexicon import Hit
from .phrases import (
    MAX_PHRASE,
    Ctx,
    after_marker,
    coded,
    is_anaphoric,
    is_nominal,
    is_passive,
    mention_phrase,
    phrase,
    prepositions,
    purpose_bound,
    token_at,
    verb_like,
)
from .resolve import mentions_in, sector_of
from .subjects import (
    Embedding,
    antecedent,
    description_at,
    embedding,
    possessive,
    pronoun_at,
    pronoun_types,
)
from .voice import quoted

# Types whose passive subject is the actor's own means ("pasukan X dikerahkan" = X deploys)
_THEME_ACTOR = frozenset({"MOBILIZE", "AID"})


# Types whose purpose clause says why, not against whom ("dikerahkan untuk membantu X")
_PURPOSE_TYPES = frozenset({"MOBILIZE"})


# Types whose purpose clause names the recipient ("dikirim untuk membantu X": X gets the aid)
_BENEFIT_TYPES = frozenset({"AID", "AGREE"})


def _between(ctx: Ctx, hit: Hit, ce: int) -> tuple[Participant | None, Participant | None] | None:
    """ "bentrokan antara pasukan X dan Y", "clashes between X and Y": X and Y."""
    markers = set(ctx.lex.grammar.get("between_markers", ()))
    for k in range(hit.last + 1, min(ce, hit.last + 5)):
        if ctx.toks[k].low in markers:
            end = min(ce, k + 1 + MAX_PHRASE)
            found = (
                mentions_in(ctx.record, ctx.toks[k + 1].start, ctx.toks[end - 1].end)
                if k + 1 < end
                else []
            )
            if not found:
                return None
            second = token_at(ctx.toks, found[1][0].start) if len(found) > 1 else end
            return mention_phrase(ctx, k + 1, second), mention_phrase(ctx, second, end) if len(
                found
            ) > 1 else None
    return None


def _subject(ctx: Ctx, cs: int, t: int, free: bool = True) -> Participant | None:
    """The subject phrase before token ``t``, seen through a reporting verb ("X said its
    forces ...") and pronouns ("mereka", "the group"). ``free``: not a name a preposition
    governs ("di Gaza"); a passive subject may be placed by one ("pegawai di Iran")."""
    emb = embedding(ctx.toks, cs, t, ctx.lang)
    lo = emb.subject_start if emb else cs
    subject = mention_phrase(ctx, lo, t, free=free) if lo < t else None
    if subject is not None and subject.sector is None:  # "Russian troops": the head follows
        head = phrase(ctx, max(lo, t - 3), t)
        sector = sector_of(head.text, ctx.lang) if head else None
        subject = replace(subject, sector=sector) if sector else subject
    speaker = _speaker(ctx, cs, emb) if emb is not None else None
    if emb is not None and (speaker is None or not speaker.code):
        # a cue opening its clause ('"...," kata Budi, bersumpah untuk ...'): the speaker
        # named after the cue before it, not a name inside the quotation
        bare = speaker is None and emb.speaker_end <= cs
        named = named_speaker(ctx, cs) if bare else None
        speaker = named or main_subject(ctx, emb.speaker_end + 1) or speaker  # a long phrase
    if subject is None or not (subject.code or subject.entity):
        # the subject right before the verb, not any "it" in the clause; a pronoun inside
        # a quotation speaks from the speaker's side, where our antecedents do not reach
        reach = 4 if emb is not None else int(ctx.lex.grammar.get("pronoun_reach", 2))
        pro = pronoun_at(ctx.toks, lo, t, ctx.lang, emb is not None)
        if pro and (pro[1] < t - reach or _quoted(ctx.record.article.text, ctx.toks[pro[0]].start)):
            pro = None
        if pro and speaker is not None and _refers_to(ctx, pro, speaker):
            return speaker  # "X said it would ...", "X mengatakan mereka akan ...": X
        ref = antecedent(ctx.record, ctx.toks, pro[0], pro[1], ctx.lang) if pro else None
        if ref is not None:
            return Participant(
                ref.text, ref.entity, ref.code, (subject and subject.sector) or ref.sector
            )
    if emb is None or (subject is not None and (subject.code or subject.entity)):
        return subject
    if speaker is None or not (speaker.code or speaker.entity):
        return subject
    if possessive(ctx.toks, lo, t, ctx.lex.grammar):  # "pasukannya", "its forces"
        words = phrase(ctx, lo, t)
        if words is not None:
            sector = (subject and subject.sector) or sector_of(
                _unpossess(ctx, words.text), ctx.lang
            )
            return Participant(words.text, speaker.entity, speaker.code, sector)
    if subject is None and t - lo <= 2:  # "X mengatakan akan menyerang": X is the subject
        return speaker
    return subject


def _speaker(ctx: Ctx, cs: int, emb: Embedding) -> Participant | None:
    """Who says the reported clause: the words before the reporting cue, within the
    clause when the cue is in it ("..., setelah polisi mengumumkan akan menutup")."""
    lo = max(0, emb.speaker_end - MAX_PHRASE)
    if emb.speaker_end >= cs:
        lo = max(lo, cs)
    return mention_phrase(ctx, lo, emb.speaker_end, False)


def _refers_to(ctx: Ctx, pro: tuple[int, int], speaker: Participant) -> bool:
    """Whether a pronoun can point back at the speaker: its entity is of a type the
    pronoun takes, or the speaker is a body named without an entity ("the government")."""
    types = pronoun_types(ctx.lang, tuple(t.low for t in ctx.toks[pro[0] : pro[1]]))
    entity = next((e for e in ctx.record.entities if e.id == speaker.entity), None)
    if entity is None:
        return speaker.sector is not None and "PERSON" not in types
    return entity.type in types


def _quoted(text: str, at: int) -> bool:
    return any(r.start < at < r.end for r in quoted(text))


def _unpossess(ctx: Ctx, text: str) -> str:
    """``text`` without possessive suffixes ("pasukannya" -> "pasukan")."""
    suffixes = tuple(ctx.lex.grammar.get("possessive_suffixes", ()))
    return " ".join(
        w[: -len(next(x for x in suffixes if w.endswith(x)))]
        if suffixes and w.endswith(suffixes)
        else w
        for w in text.split()
    )


def arguments(
    ctx: Ctx, hit: Hit, cs: int, ce: int, subj_end: int | None = None
) -> tuple[Participant | None, Participant | None]:
    g = ctx.lex.grammar
    agents = set(g.get("agent_markers", ()))
    rmarks = set(g.get("recipient_markers", ()))
    t, last = hit.first, hit.last
    pair = _between(ctx, hit, ce)
    if pair:
        return pair
    subject = _subject(ctx, cs, t if subj_end is None else subj_end)
    # forces sent "untuk memberikan opsi kepada Trump" are not sent against Trump
    purposeful = hit.sense.type in _PURPOSE_TYPES
    reach = min(ce, last + 1 + MAX_PHRASE)
    end = purpose_bound(ctx, last + 1, reach) if purposeful else reach
    after = mention_phrase(ctx, last + 1, end)
    if is_passive(ctx, hit):
        actor = after_marker(ctx, last, ce, agents, reach=4) or _shared_agent(ctx, hit, ce)
        if actor is None and g.get("agent_without_marker") and last + 1 < ce:
            nxt = ctx.toks[last + 1]
            if (
                mentions_in(ctx.record, nxt.start, ctx.toks[min(ce, last + 4) - 1].end)
                and nxt.low not in rmarks
                and nxt.low not in prepositions(ctx) | set(g.get("cause_markers", ()))
            ):
                actor = mention_phrase(ctx, last + 1, min(ce, last + 5))
        if subject is None or not subject.code:
            subject = _subject(ctx, cs, t if subj_end is None else subj_end, free=False)
        if actor is None and hit.sense.type in _THEME_ACTOR:
            return subject, after_marker(ctx, last, ce, rmarks, bound=purposeful) or _beneficiary(
                ctx, hit, ce
            )
        return actor or _cause(ctx, hit, ce), subject
    if _undergone(ctx, hit, cs):
        # "40 orang mengalami luka-luka akibat ledakan", "warga menerima bantuan dari X",
        # "suffered injuries": the subject is on the receiving end
        giver = (own_actor(ctx, hit, cs, ce) if is_nominal(ctx, hit) else None) or _cause(
            ctx, hit, ce
        )
        return giver or after_marker(ctx, last, ce, agents | _sources(ctx), 4), subject
    if is_nominal(ctx, hit):
        actor = own_actor(ctx, hit, cs, ce)
        actor = actor or after_marker(ctx, last, ce, agents, reach=4)
        answered = _answered(ctx, hit, cs)
        if actor is None and not answered and not is_anaphoric(ctx, hit):
            actor = subject if _object_of_verb(ctx, hit, cs) else None
        recipient = after_marker(ctx, last, ce, rmarks, bound=purposeful) or _beneficiary(
            ctx, hit, ce
        )
        if answered and recipient is None and hit.sense.type == "ACCUSE":
            recipient = subject  # "TNI membantah tudingan": TNI is the one accused
        return actor, recipient
    if (after is None or not after.code) and last + 1 < ce:
        # "mengebom kota tersebut", "attacked the country": the place told before
        n = description_at(ctx.toks, last + 1, ctx.lang)
        ref = (
            antecedent(
                ctx.record, ctx.toks, last + 1, last + 1 + n, ctx.lang,
                exclude=subject.code if subject else None, subject=False,
            )
            if n
            else None
        )  # fmt: skip
        after = coded(ref) or after
    if hit.sense.root in set(g.get("topic_verbs", ())):
        # "discussed Aleppo with Moscow": the object is what is talked about
        return subject, after_marker(ctx, last, ce, set(g.get("counterpart_markers", ())))
    # "mengirim ribuan pasukan ke Rusia", "sent troops to Russia": the object is what
    # moves; whom it reaches follows a marker
    if after is None or not (after.code or after.entity):
        after = (
            coded(after_marker(ctx, last, ce, rmarks, bound=purposeful))
            or _beneficiary(ctx, hit, ce)
            or after
        )
    return subject, after


def _undergone(ctx: Ctx, hit: Hit, cs: int) -> bool:
    """A trigger right after a verb of undergoing or receiving ("mengalami", "menerima",
    "suffered", "received")."""
    g = ctx.lex.grammar
    verbs = set(g.get("undergo_verbs", ()))
    if any(ctx.toks[k].low in verbs for k in range(max(cs, hit.first - 2), hit.first)):
        return True
    # "luka-luka akibat tembakan": the subject suffered the shooting
    causes = set(g.get("cause_markers", ())) - set(g.get("agent_markers", ()))
    return is_nominal(ctx, hit) and hit.first > cs and ctx.toks[hit.first - 1].low in causes


def _sources(ctx: Ctx) -> set[str]:
    return set(ctx.lex.grammar.get("source_markers", ()))


def _object_of_verb(ctx: Ctx, hit: Hit, cs: int) -> bool:
    """Whether a nominal trigger is the object of the clause's verb ("melanjutkan serangan",
    "continued the attacks"), whose subject then acts; not a noun deeper in a phrase
    ("menetapkan JN sebagai tersangka pembunuhan")."""
    dets = set(ctx.lex.grammar.get("determiners", ())) | set(ctx.lex.grammar.get("light_skip", ()))
    k = hit.first - 1
    while k > cs and ctx.toks[k].low in dets:
        k -= 1
    return k < cs or verb_like(ctx, k)


def _shared_agent(ctx: Ctx, hit: Hit, ce: int) -> Participant | None:
    """The agent of a passive coordinated right after this one ("ditangkap dan disiksa oleh
    X", "arrested and tortured by X"): both acts are X's."""
    k = hit.last + 1
    coord = set(ctx.lex.grammar.get("coordinators", ()))
    end = len(ctx.toks)  # the clause of this verb ends at the coordinator; the agent is past it
    if k + 1 >= end or ctx.toks[k].low not in coord:
        return None
    nxt = ctx.lex.words.get(ctx.toks[k + 1].low)
    if nxt is None or nxt.voice not in ("passive", "past"):
        return None
    second_end = next((j for j in range(k + 2, end) if ctx.toks[j].low in coord), end)
    return after_marker(ctx, k + 1, second_end, set(ctx.lex.grammar.get("agent_markers", ())), 5)


def _answered(ctx: Ctx, hit: Hit, cs: int) -> bool:
    """Whether a nominal trigger is what the clause's verb answers or judges ("membantah
    tudingan", "menyayangkan aksi massa", "denied the accusations"): the subject reacts
    to another's act and is not its actor."""
    verbs = set(ctx.lex.grammar.get("response_verbs", ()))
    dets = set(ctx.lex.grammar.get("determiners", ())) | set(ctx.lex.grammar.get("light_skip", ()))
    k = hit.first - 1
    while k > cs and ctx.toks[k].low in dets:
        k -= 1
    return k >= cs and ctx.toks[k].low in verbs


def own_actor(ctx: Ctx, hit: Hit, cs: int, ce: int) -> Participant | None:
    """The actor a nominal trigger names next to itself: "serangan Israel", "Israeli
    strikes", "Russia's attack" (not a phrase that starts with a recipient marker)."""
    g, last = ctx.lex.grammar, hit.last
    actor = None
    if g.get("nominal_actor") == "after":
        if last + 1 < ce and ctx.toks[last + 1].low not in set(g.get("recipient_markers", ())):
            actor = mention_phrase(ctx, last + 1, min(ce, last + 4), free=True)
    elif g.get("nominal_actor") == "before" and hit.first > cs:
        actor = mention_phrase(ctx, max(cs, hit.first - 2), hit.first, first=False)
    # only a name acts: "penangkapan lima orang" is the arrest of five people
    return actor if actor is not None and actor.entity else None


def _beneficiary(ctx: Ctx, hit: Hit, ce: int) -> Participant | None:
    """Whom aid or a promise is for: "mengirim relawan untuk membantu warga", "agreed to
    send arms to help Kyiv" (the first name after a purpose clause's verb)."""
    if hit.sense.type not in _BENEFIT_TYPES:
        return None
    purpose = set(ctx.lex.grammar.get("purpose_markers", ()))
    for k in range(hit.last + 1, min(ce - 2, hit.last + 1 + 2 * MAX_PHRASE)):
        if ctx.toks[k].low in purpose and verb_like(ctx, k + 1):
            found = coded(mention_phrase(ctx, k + 2, min(ce, k + 2 + 4)))
            if found is not None:
                return found
    return None


def _cause(ctx: Ctx, hit: Hit, ce: int) -> Participant | None:
    """The actor of a victim verb named through its cause: "tewas akibat tembakan militer
    Israel", "tewas dalam serangan Israel", "killed in an Israeli strike"."""
    causes = set(ctx.lex.grammar.get("cause_markers", ()))
    for k in range(hit.last + 1, min(ce - 1, hit.last + 4)):
        if ctx.toks[k].low not in causes:
            continue
        for j in range(k + 1, min(ce, k + 4)):
            sense = ctx.lex.words.get(ctx.toks[j].low)
            if sense is not None and sense.type == hit.sense.type:
                return coded(own_actor(ctx, Hit(j, j, sense), k + 1, ce))
        return None
    return None
