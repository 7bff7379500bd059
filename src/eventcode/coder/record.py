"""A candidate event as an ACLED record: actors in their roles, date, place, fatalities and notes, with the
evidence for each and what a human must still check."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import Any

from eventcode.codebook import acled_codebook
from eventcode.coder import actors as act
from eventcode.coder import numbers as num
from eventcode.coder import triggers as trig
from eventcode.coder.actors import (
    ARMED,
    CIVILIANS,
    COMMUNAL,
    CROWDS,
    EXTERNAL,
    RIOTERS,
    STATE,
    STATE_FORCES,
    ActorMention,
)
from eventcode.coder.codebook import Refinement, lexicon
from eventcode.coder.places import PlaceIndex, PlaceMention
from eventcode.coder.segment import Group, SentenceFacts
from eventcode.coder.triggers import Trigger

Record = dict[str, Any]

_TO_END = re.compile(r"\bto$", re.IGNORECASE)
_PASSIVE_BY = re.compile(r"^[^,;]{0,40}?\bby(?:\s+(?:the|an?))?(?:\s+[\w-]+){0,2}?\s*$", re.IGNORECASE)
# "is" in lower case only: "IS militants shot" is no passive
_PASSIVE = re.compile(r"\b(?:(?i:was|were|been|being|are)|is)\s+(?:\w+\s+)?$")


def _evidence(kind: str, facts: SentenceFacts, start: int, end: int, text: str, **extra: object) -> dict[str, Any]:
    s = facts.sentence
    return {"kind": kind, "text": text, "start": start, "end": end, "sentence": s.text,
            "sentence_start": s.start, "sentence_end": s.end, **extra}


@functools.lru_cache(maxsize=1)
def _joined() -> re.Pattern[str]:
    """The words that join an actor to the one before it as its ally (lexicon ``joined_by``), after at most one
    word ("the Myanmar military forces and Pyu Saw Htee members")."""
    words = "|".join(sorted((re.escape(w) for w in lexicon().joined_by), key=len, reverse=True))
    return re.compile(rf"^(?:\s+[\w-]+)?\s*(?:,\s*)?(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _instrument_after() -> re.Pattern[str]:
    """A word of the lexicon's ``instrument_after`` (and "the") right at the end of a text."""
    words = "|".join(lexicon().instrument_after) or "(?!)"
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _hurt_after() -> re.Pattern[str]:
    """Words right after an actor, within its clause, that make it the one hurt (lexicon ``hurt_after``)."""
    words = "|".join(lexicon().hurt_after)
    return re.compile(rf"^[^,;]{{0,40}}?\b(?:{words})" if words else "(?!)", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _opening() -> re.Pattern[str]:
    """A clause that opens with a preposition of time or cause (lexicon ``opening_phrases``), up to the text's end."""
    words = "|".join(sorted((re.escape(w) for w in lexicon().opening_phrases), key=len, reverse=True))
    return re.compile(rf"(?:^|,)\s*(?:\S+ ){{0,6}}?(?:{words})\b[^,]*$" if words else "(?!)", re.IGNORECASE)


def roles(group: Group, trigger: Trigger | None, mutual: bool = False) -> tuple[ActorMention | None,
                                                                               ActorMention | None,
                                                                               SentenceFacts | None]:
    """The agent (actor1) and target (actor2) of the event, read around the deciding trigger. Unless the words
    say both sides fought (``mutual``), an armed actor named with the agent before the trigger ("troops and
    militia members burned houses") acts with it and is not its target."""
    home = next((s for s in group.sentences if trigger in s.triggers), group.sentences[0]) if trigger else \
        group.sentences[0]
    agent = target = None
    allies: list[ActorMention] = []
    if trigger is not None and trigger.start == home.sentence.start:
        # A note label ("Defusal:") stands before every actor: read the roles around the sentence's first verb.
        trigger = next((t for t in home.triggers if t.start > trigger.start), None)
    if trigger is not None and any(a.start <= trigger.start and trigger.end <= a.end for a in home.actors):
        # a trigger that is the doer's own name ("A mob of 15 people attacked the police"): read the roles around
        # the next trigger of its type, the act
        trigger = next((t for t in home.triggers if t.start >= trigger.end and t.sub_event_type ==
                        trigger.sub_event_type and not any(a.start <= t.start and t.end <= a.end
                                                           for a in home.actors)), trigger)
    if trigger is not None:
        before = [a for a in home.actors if a.end <= trigger.start]
        after = [a for a in home.actors if a.start > trigger.start]
        text = home.sentence.text
        base = home.sentence.start
        passive = bool(_PASSIVE.search(text[:trigger.start - base]))
        # "killed by the rebels"; "the town fell to the rebels": the trigger itself says its agent follows
        by = next((a for a in after if a.start >= trigger.end
                   and (_PASSIVE_BY.match(text[trigger.end - base:a.start - base]) or _TO_END.search(trigger.text))),
                  None)
        # an actor named by the trigger's own words carried it out when it is the subject or follows "by" or "in"
        # ("Russian air strikes killed", "killed in Pakistani shelling"; not "shot down Ukrainian missiles")
        wielder = next((a for a in home.actors if a.start < trigger.start and a.end == trigger.end
                        and (_instrument_after().search(text[:a.start - base])
                             or not any(t.end <= a.start for t in home.triggers))), None)
        if wielder is not None:
            agent = wielder
            target = next((a for a in reversed(before) if a.name != wielder.name), None) \
                or next((a for a in after if a.name != wielder.name), None)
        elif by is not None:
            agent = by
            # "Boko Haram fighters abducted motorists but were repelled by the army": an armed actor before is what
            # the armed agent repelled, not the last people named
            struck = [a for a in before if a.inter in ARMED] if by.inter in ARMED else []
            target = (struck or before)[-1] if before else next((a for a in after if a.name != by.name), None)
        elif passive and before:
            target = before[-1]
        else:
            hurt = [a for a in before if not mutual and a.inter in ARMED
                    and _hurt_after().match(text[a.end - base:trigger.end - base])]
            armed_before = [a for a in before if a.inter != CIVILIANS and a not in hurt]
            # "following clashes with Russian forces, Ukrainian forces regained": an actor in a phrase that opens
            # with a preposition before the verb's clause is not its agent
            clause = text.rfind(", ", 0, trigger.start - base) + base
            if armed_before and armed_before[0].start < clause \
                    and _opening().search(text[:armed_before[0].start - base]):
                armed_before = [a for a in armed_before if a.start > clause] or armed_before
            agent = armed_before[0] if armed_before else next((a for a in before if a not in hurt), None)
            if not mutual:  # "troops and militia members burned": the second acts with the first
                allies = [b for a, b in pairwise(before)
                          if _joined().match(text[a.end - base:b.start - base]) and b.inter in ARMED]
                lead = next((b for b in allies if b.name in act.leads_backers()), None)
                if lead is not None and agent is not None and agent.inter == EXTERNAL:
                    # "Turkish forces supported by JWS operating under OPS shelled": the local faction is actor1
                    allies = [agent if b is lead else b for b in allies]
                    agent = lead
            target = next((a for a in after if agent is None or a.name != agent.name or agent.inter == CIVILIANS),
                          None)
            if target is None and mutual and agent is not None:  # "police and villagers clashed": both before
                target = next((a for a in before if a.name != agent.name), None)
            if agent is None and mutual and target is not None:  # "a clash between police and activists": both after
                agent, target = target, next((a for a in after if a.name != target.name), None)
            if target is None and hurt:  # "one soldier was killed in an IED blast": the soldier was the target
                target = hurt[0]
    if agent is None or agent.role == "unidentified" or agent.inter not in ARMED:
        # "The TTP claimed responsibility for the attack", "Authorities blamed the MNDAA"
        claimant = next((a for s in group.sentences + group.context for a in s.actors
                         if act.claims(a, s.sentence.text, s.sentence.start)
                         and (target is None or a.name != target.name)), None)
        if claimant is not None:
            if target is None and agent is not None and agent.inter not in ARMED:
                target = agent  # "Three civilians were killed in a blast": the people hurt
            agent = replace(claimant, review=f"{claimant.name} claimed the event or was blamed for it: coded as its "
                            "doer")
    others = [a for s in group.sentences for a in s.actors]
    if agent is None:
        agent = next((a for a in others if a.inter in ARMED and (target is None or a.name != target.name)), None)
    if target is None:
        target = next((a for a in others if agent is not None and a.name != agent.name and a.inter in ARMED
                       and a not in allies), None)
    return agent, target, home


def _armed(side: ActorMention | None, field: str, country: str, day: date,
           review: list[dict[str, str]]) -> ActorMention | None:
    """A side of a battle: named as civilians, an unidentified armed group (flagged for review)."""
    if side is None or side.inter != CIVILIANS:
        return side
    armed = act.generic_actor("unidentified", country, day)
    review.append({"field": field, "reason": f"{side.text!r} fought a battle: coded as {armed.name}"})
    return armed


def _gang_victim(agent: ActorMention | None, target: ActorMention | None, text: str, country: str, day: date,
                 review: list[dict[str, str]]) -> tuple[ActorMention | None, ActorMention | None]:
    """A victim the report calls a gang member or drug dealer (lexicon ``gang_victim``) is a gang, and whoever
    attacked them an armed group: ACLED codes such a killing as a clash, not an attack on civilians. A victim
    already named as an armed group ("a member of a gang was shot") keeps its name; an unnamed killer is an
    unidentified armed group. State forces named with state forces ("military police forces seized marijuana")
    act together: the gang is their target."""
    cue = lexicon().gang_victim
    named = target is not None and target.inter != CIVILIANS \
        and not (agent is not None and agent.inter == target.inter == STATE)
    if not cue or (named and agent is not None) or not trig.says_of_victim(text, cue):
        return agent, target
    if not named:
        target = act.generic_actor("gang", country, day)
        review.append({"field": "actor2", "reason": "the victim is said to be a gang member or drug dealer: coded "
                       f"as {target.name}"})
    if agent is None or agent.inter not in ARMED:
        agent = act.generic_actor("unidentified", country, day)
    return agent, target


def refine(sub_event_type: str, agent: ActorMention | None, target: ActorMention | None, armed: int,
           mutual: bool = False, present: frozenset[str] = frozenset(), trigger: str = "",
           forces_hurt: bool = False) -> str:
    """The sub-event type once the actors are known (the lexicon's refinements: an attack on an armed actor is
    an armed clash, arrests by a non-state group are abductions, territory taken by state forces is regained).
    ``armed``: how many armed actors the event's sentences name; ``mutual``: the text says both sides fought;
    ``present``: the cue groups of the event's text; ``trigger``: the words of the deciding trigger;
    ``forces_hurt``: the target is state forces named before the trigger and no agent is named ("three policemen
    were killed in an ambush": an unidentified armed group attacked them)."""
    conditions = {
        "any": True,
        "armed_target": target is not None and target.inter in ARMED and (
            forces_hurt or (agent is not None and agent.inter in ARMED)),
        "civilian_target": target is not None and target.inter == CIVILIANS and armed < 2 and not mutual,
        "state_agent": agent is not None and agent.inter == STATE,
        "non_state_agent": agent is not None and agent.inter in ARMED and agent.inter != STATE,
        "crowd_party": any(a is not None and a.inter in CROWDS for a in (agent, target)),
        "civilian_agent": agent is not None and agent.inter == CIVILIANS,
        "crowd_agent": agent is not None and agent.inter in CROWDS,
        "unnamed_agent": agent is None or (agent.role == "unidentified" and re.fullmatch(
            lexicon().unnamed_doers, agent.text, re.IGNORECASE) is not None),
        "nobody": mutual and agent is None and target is None,
        "unlisted_sides": mutual and agent is not None and target is not None
        and {agent.role, target.role} <= {"unlisted", "civilians"} and "unlisted" in (agent.role, target.role),
        "civilian_party": mutual and agent is not None and target is not None
        and CIVILIANS in (agent.inter, target.inter) and {agent.inter, target.inter} <= {CIVILIANS, STATE},
    }
    for rule, cues in _refinements().get(sub_event_type, ()):
        if conditions[rule.when] and all(not c or c in present for c in cues) and rule.absent not in present \
                and (not rule.trigger or re.fullmatch(rule.trigger, trigger, re.IGNORECASE)):
            return rule.to
    return sub_event_type


@functools.lru_cache(maxsize=1)
def _refinements() -> dict[str, list[tuple[Refinement, tuple[str, ...]]]]:
    """The lexicon's refinements of each sub-event type, in their order, each with the cue groups it needs."""
    rules: dict[str, list[tuple[Refinement, tuple[str, ...]]]] = {}
    for rule in lexicon().refinements:
        rules.setdefault(rule.sub_event_type, []).append((rule, (rule.cue,) if isinstance(rule.cue, str) else rule.cue))
    return rules


def _hurt(group: Group) -> bool:
    """Whether the event's sentences (or their context) count anyone killed or injured."""
    return any(c.kind in ("killed", "injured") and c.value for s in group.sentences + group.context for c in s.counts)


def _harmed(group: Group, sub_event_type: str) -> bool:
    """Whether the event hurt anyone: a count of dead or injured, or the sub-event type's cue group (lexicon
    ``victim_needs``) in its sentences."""
    needs = lexicon().victim_needs.get(sub_event_type)
    if _hurt(group):
        return True
    return needs is not None and trig.says_of_victim(" ".join(s.sentence.text for s in group.sentences), needs)


def _has_victims(group: Group, sub_event_type: str) -> bool:
    """Whether the event may take its type's default actor2: any may, but those the lexicon's
    ``default_actor2_needs`` gates need a count of dead or injured or one of its victim cue groups ("rioters set a
    bus ablaze" is the rioters' act alone, "the vehicle of the village chief" had an owner)."""
    needs = lexicon().default_actor2_needs.get(sub_event_type)
    text = " ".join(s.sentence.text for s in group.sentences)
    return needs is None or _hurt(group) or any(trig.says_of_victim(text, cue) for cue in needs)


def _attributed(group: Group, mention: ActorMention) -> bool:
    """Whether the report attributes the event to ``mention`` ("presumably Houthi", "presumed to be")."""
    holder = next((s for s in group.sentences if s.sentence.start <= mention.start < s.sentence.end), None)
    return holder is not None and act.attributed(holder.sentence.text[:mention.start - holder.sentence.start])


def _riot_opponent(sub_event_type: str, agent: ActorMention | None, target: ActorMention | None, group: Group,
                   country: str, mutual: bool, home: SentenceFacts | None, crowd: str) -> ActorMention | None:
    """Whom the crowd of a riot (actor1, named ``crowd``) fought or attacked (actor2), or None. Another country's
    rioters ("Israeli settlers clashed with Palestinian rioters") are an opponent; the crowd itself is not."""
    lex = lexicon()
    text = " ".join(s.sentence.text for s in group.sentences)
    a2 = target if target is not None and (target.inter not in CROWDS
                                           or (target.inter == RIOTERS and target.name != crowd)) else None
    if a2 is not None and a2.inter == CIVILIANS and sub_event_type in lex.victim_needs \
            and not _harmed(group, sub_event_type):
        a2 = None  # "police clashed with demonstrators", "a clash between activists and the police"
    if a2 is None and agent is not None and agent.inter in ARMED:
        a2 = agent
    if a2 is not None and a2.role in lex.riot_crowd_roles and not a2.prefixed:
        a2 = None  # "a vigilante mob", "assailants": words for the crowd itself, not an armed opponent
    apart = a2 is not None and home is not None and not home.sentence.start <= a2.start < home.sentence.end
    if a2 is not None and a2.inter in STATE_FORCES and apart and not mutual \
            and sub_event_type in lex.forces_after_the_fact:
        return None  # "the robber was later rescued by the police": the police came after the riot
    if mutual and lex.counter_protest in trig.cues(text):
        return act.generic_actor("rioters", country, group.day)  # demonstrators and counter-demonstrators fought
    if mutual and (a2 is None or a2.inter == CIVILIANS or apart):
        # crowds who fought each other are rioters both; a crowd that fought state forces named where the fight
        # is told fought them
        fought = [s for s in group.sentences if s is home or trig.mutual(sub_event_type, list(s.triggers),
                                                                            trig.cues(text))]
        return next((a for s in fought for a in s.actors if a.inter in STATE_FORCES), None) \
            or act.generic_actor("rioters", country, group.day)
    cue = lex.forces_intervene.get(sub_event_type)
    if (a2 is None or a2.inter == CIVILIANS or apart) and cue and cue in trig.cues(text):
        # the state force that intervened is the crowd's opponent, not its other victims nor a party the report
        # names elsewhere
        force = next((a for s in group.sentences for a in s.actors if a.inter in STATE_FORCES), None)
        if force is not None:
            return force
    if a2 is None and sub_event_type in lex.victim_needs and _harmed(group, sub_event_type):
        return act.generic_actor("civilians", country, group.day)  # "kidnapped two officials": people were hurt
    return a2


def _state_implied(sub_event_type: str, group: Group) -> bool:
    """Whether the event's text has the cue group that implies state forces in ``sub_event_type``."""
    cue = lexicon().sub_event_types[sub_event_type].state_implied_by
    return bool(cue) and cue in trig.cues(" ".join(s.sentence.text for s in group.sentences))


def _cast(policy: str, sub_event_type: str, agent: ActorMention | None, target: ActorMention | None,
          group: Group, country: str, review: list[dict[str, str]], mutual: bool = False,
          label: str = "", home: SentenceFacts | None = None) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 and actor2 by the event type's policy (lexicon ``actor_roles``); ``home``: the sentence of the
    deciding trigger."""
    day = group.day
    a1, a2 = agent, target
    lex = lexicon()
    unnamed = {"field": "actor1", "reason": "the perpetrator is not named: coded as an unidentified armed group"}
    if sub_event_type in lex.unnamed_attacker_of_forces and (a1 is None or (a1.inter == CIVILIANS
                                                                           and policy != "two_armed")) \
            and a2 is not None and a2.inter in STATE_FORCES:
        # "people threw a Molotov cocktail at the military enlistment office": the forces are the target of an
        # attacker the report does not name (people who fought them in a battle are an armed group: _armed)
        a1 = act.generic_actor("unidentified", country, day)
        review.append(unnamed)
    front = _front(policy, sub_event_type, a1, a2, country, day, review)
    if front is not None:
        a1, a2 = front
    elif policy == "protest":
        a1, a2 = act.generic_actor("protesters", country, day), None
        if sub_event_type not in lex.one_sided:
            a2 = next((a for a in (agent, target) if a is not None and a.inter in ARMED), None) or \
                act.generic_actor("police", country, day)
    elif policy == "riot":
        a1 = agent if agent is not None and agent.inter == RIOTERS else act.generic_actor("rioters", country, day)
        a2 = _riot_opponent(sub_event_type, agent, target, group, country, mutual, home, a1.name)
    elif policy == "victim_civilians":
        armed = next((a for s in group.sentences for a in s.actors if a.inter in ARMED), None)
        if a1 is not None and a1.inter == CIVILIANS and armed is None and lex.civilian_doers \
                and re.fullmatch(lex.civilian_doers, a1.text, re.IGNORECASE):
            # "farmers attacked a Fulani camp": the farmers are a communal militia, those they attacked civilians
            doers, a1 = a1.text, act.generic_actor("communal", country, day)
            review.append({"field": "actor1", "reason": f"the doers are civilians ({doers}): coded as {a1.name}; "
                           "name their community's militia if the report does"})
        if a1 is None or a1.inter == CIVILIANS:
            victim = a1 if a1 is not None else target
            a1 = armed  # the perpetrator named elsewhere in the event ("Houthi sniper fire ... The woman died")
            if a1 is None:
                a1 = act.generic_actor("unidentified", country, day)
                review.append(unnamed)
            a2 = victim
        if a2 is None or a2.inter != CIVILIANS:
            a2 = act.generic_actor("civilians", country, day)
    elif policy == "free" and a1 is None and a2 is not None:
        a1, a2 = a2, None
    elif policy == "free" and a1 is not None and a2 is not None and a1.inter == a2.inter == STATE \
            and lex.default_actor2.get(sub_event_type) == "civilians":
        a2 = None  # "the military, police and ... set houses on fire": the state's forces act together
    elif policy == "remote":
        if a1 is None and a2 is not None and a2.inter in ARMED and _attributed(group, a2):
            a1, a2 = a2, None  # "a landmine, presumably Houthi, exploded": the mine is the Houthis'
        facing = act.front_attacker(group.place, country, day) if a1 is None and group.place else None
        if facing is not None:
            a1, holding = facing
            review.append({"field": "actor1", "reason": f"the report names no attacker: coded as {a1.name}, "
                           f"the side facing the one that holds {holding}"})
        if a1 is None or a1.inter not in ARMED:
            if a1 is not None and a1.inter == CIVILIANS and a2 is None:
                a2 = a1
            a1 = act.generic_actor("unidentified", country, day)
            review.append(unnamed)
        hurt = _harmed(group, sub_event_type)
        if a2 is not None and a2.name == a1.name:
            a2 = None
        if a2 is not None and a2.inter == CIVILIANS:
            # "fired at the positions of the Luhansk People's Militia ... one civilian was wounded": the armed actor
            # fired at is the target, the civilians hurt by the way
            a2 = next((a for s in group.sentences for a in s.actors if a.inter in ARMED and a.start > a1.start
                       and a.name != a1.name and a.role in ("named", "state")), a2)
        other_armed = any(a.inter in ARMED and a.name != a1.name for s in group.sentences for a in s.actors)
        if a2 is None and hurt and not other_armed:
            a2 = act.generic_actor("civilians", country, day)
        if a2 is not None and a2.inter == CIVILIANS and not hurt:
            a2 = None
        if a2 is None and sub_event_type in lex.civilians_targeted_unhurt and not other_armed:
            # "threw a hand grenade at the office of the Prime Minister": what a grenade targets is civilians'
            a2 = act.generic_actor("civilians", country, day)
            review.append({"field": "actor2", "reason": f"no one was hurt and no target is named: coded as {a2.name}"})
        elif a2 is not None and a2.inter == CIVILIANS:
            review.append({"field": "civilian_targeting", "reason": "civilians were hurt: set civilian_targeting "
                           "if they were the main or only target"})
    elif policy == "two_armed" and (one := a1 or a2) is not None and (a1 is None or a2 is None) \
            and one.home and one.home != country:
        # a foreign force that fights in a country, no other side named, fights that country's forces
        a1, a2 = one, act.generic_actor("military", country, day)
        review.append({"field": "actor2", "reason": f"only {one.name} is named: the other side coded as {a2.name}"})
    elif policy == "two_armed" and mutual and (one := a1 or a2) is not None \
            and (a1 is None or a2 is None or (a1.inter == COMMUNAL and a2.inter == CIVILIANS)):
        if one.inter == STATE:  # "police killed 20 suspected smugglers in a gun battle": an unnamed armed group
            a1, a2 = one, act.generic_actor("unidentified", country, day)
            review.append({"field": "actor2", "reason": f"only {one.name} is named: the other side coded as "
                           f"{a2.name}"})
        elif one.inter == CIVILIANS:  # "two killed in gun battles between two rival groups": armed, unnamed
            a1 = a2 = act.generic_actor("unidentified", country, day)
            review.append({"field": "actor2", "reason": f"neither side is named: both coded as {a1.name}"})
        else:  # "Al X tribesmen from two families clashed": the people who fought are the one side named, twice
            a1 = a2 = one
            review.append({"field": "actor2", "reason": f"only one side is named: both coded as {one.name}"})
    elif policy == "two_armed" and mutual and a1 is None and a2 is None \
            and "arms" in trig.cues(" ".join(s.sentence.text for s in group.sentences)):
        # "a shoot-out took place in Morro do Cavalao": armed men fought, neither side named
        a1 = a2 = act.generic_actor("unidentified", country, day)
        review.append({"field": "actor2", "reason": f"neither side is named: both coded as {a1.name}"})
    elif policy == "two_armed" and (a1 is None or a2 is None) and (one := a1 or a2) is not None \
            and one.inter not in STATE_FORCES and _state_implied(sub_event_type, group):
        # "a search operation against separatists left 13 militants dead": the forces that ran it
        a1, a2 = act.generic_actor("military", country, day), one
        review.append({"field": "actor1", "reason": f"the report implies state forces but does not name them: "
                       f"coded as {a1.name}"})
    elif policy == "two_armed" and a2 is None:
        review.append({"field": "actor2", "reason": "a battle needs a second armed actor; none is named"})
    if policy == "protest" and a2 is None and trig.cues(" ".join(s.sentence.text for s in group.sentences)) \
            & {lex.counter_protest}:
        a2 = act.generic_actor("protesters", country, day)
    if a2 is None and a1 is not None and a1.inter in ARMED and sub_event_type in lex.named_civilians_are_actor2:
        # "JNIM militants chased away farmers": the civilians the report names are the target
        a2 = next((a for s in group.sentences for a in s.actors if a.inter == CIVILIANS), None)
    place = group.place.place if group.place is not None else None
    area = place.admin1 if place is not None else ""
    insurgents = act.area_insurgents(country, area, day)
    if insurgents is not None and policy != "protest":
        # "a bomb went off at a ranger's grave" in Thailand's Deep South: ACLED names the region's insurgents
        side = "actor1" if a1 is None or a1.role == "unidentified" else \
            "actor2" if a2 is not None and a2.role == "unidentified" and a1.inter in STATE_FORCES else None
        if side is not None:
            a1, a2 = (insurgents, a2) if side == "actor1" else (a1, insurgents)
            review.append({"field": side, "reason": f"the report does not name this side: coded as "
                           f"{insurgents.name}, as ACLED codes unnamed attackers in {area or country}"})
    if label in lex.label_sole_actor:
        # "Displacement: villagers fled due to the military raid": ACLED codes the label's actor alone
        return act.generic_actor(lex.label_actor1[label], country, day), None
    if label in lex.label_one_actor and (a1 or a2) is not None:
        # "Movement of forces: gendarmes deployed against PKK militants": ACLED codes the forces that move alone
        return a1 or a2, None
    if label in lex.label_actor1 and (a1 is None or a1.inter == CIVILIANS):
        # "Explosive remnants of war: ... injuring a farmer": the farmer is the victim of the label's actor
        labelled = act.generic_actor(lex.label_actor1[label], country, day)
        if a1 is None:
            a1 = labelled
        elif labelled.inter != CIVILIANS:
            a1, a2 = labelled, a1
    if a2 is not None and a2.inter == CIVILIANS and sub_event_type in lex.armed_actor2:
        a2 = None  # "a bomb placed near a shelter of an NGO" was defused: the bomb was an armed group's, not the NGO's
    if sub_event_type in lex.armed_sides:  # "a gunfight between his cohorts and police": the cohorts were armed
        a1, a2 = (_armed(side, field, country, day, review) for side, field in ((a1, "actor1"), (a2, "actor2")))
    if a2 is not None and a2.inter in CROWDS and sub_event_type in lex.crowd_targets_are_civilians:
        a2 = act.generic_actor("civilians", country, day)  # "police arrested BNP activists": civilians arrested
    if a1 is None and sub_event_type in lex.default_actor1:
        a1 = act.generic_actor(lex.default_actor1[sub_event_type], country, day)
        review.append({"field": "actor1", "reason": f"actor1 is not named: coded as {a1.name}"})
    if a2 is None and a1 is not None and sub_event_type in lex.default_actor2 and _has_victims(group, sub_event_type):
        a2 = act.generic_actor(lex.default_actor2[sub_event_type], country, day)
        review.append({"field": "actor2", "reason": f"actor2 is not named: coded as {a2.name}"})
    return a1, a2


def _front(policy: str, sub_event_type: str, a1: ActorMention | None, a2: ActorMention | None, country: str,
           day: date, review: list[dict[str, str]]) -> tuple[ActorMention, ActorMention] | None:
    """The two sides of the war coded in ``country`` (actors.yaml ``fronts``) where the report names only one of
    them (lexicon ``front_opponent``), or none in a battle; None where no front decides."""
    if policy == "two_armed" and a1 is None and a2 is None:
        sides = act.front_sides(country, day)
        if sides is not None:
            review.append({"field": "actor1", "reason": f"no side is named: coded as {sides[0].name} against "
                           f"{sides[1].name}, the sides of the war there"})
        return sides
    one = a1 or a2
    if one is None or sub_event_type not in lexicon().front_opponent or (a1 is not None and a2 is not None
                                                                         and a1.name != a2.name):
        return None
    other = act.front_opponent(one, country, day)
    if other is None:
        return None
    review.append({"field": "actor2", "reason": f"only {one.name} is named: the other side coded as {other.name}"})
    return one, other


def build(group: Group, sub_event_type: str, trigger: Trigger | None, country: str,
          places: PlaceIndex | None = None, report: str = "") -> Record:
    """The candidate ACLED record of a group; blanks and review items where the report does not say.

    An event the report places across the border is coded in that country (``places`` finds the town across
    the border from the one named), and state forces there are External/Other forces. ``report``: the whole
    report, for what it says about the event's actors outside the event's sentences."""
    cb = acled_codebook()
    review: list[dict[str, str]] = []
    evidence: list[dict[str, Any]] = []
    country = group.abroad or country
    armed = len({a.name for s in group.sentences for a in s.actors if a.inter in ARMED})
    text = " ".join(s.sentence.text for s in group.sentences)
    fought = trig.mutual(sub_event_type, group.triggers, trig.cues(text))
    agent, target, home = roles(group, trigger, fought)
    agent, target = _gang_victim(agent, target, report or text, country, group.day, review)
    forces_hurt = agent is None and target is not None and target.inter in STATE_FORCES and trigger is not None \
        and target.end <= trigger.start
    refined = refine(sub_event_type, agent, target, armed, fought, trig.cues(text),
                     trigger.text if trigger is not None else "", forces_hurt)
    if refined != sub_event_type:  # "clashed with each other" says both sides fought in a riot, not a battle
        sub_event_type, fought = refined, trig.mutual(refined, group.triggers, trig.cues(text))
    sub = cb.sub_event_types.lookup(sub_event_type)
    event_type = sub.event_type
    if trigger is not None and home is not None:
        evidence.append(_evidence("trigger", home, trigger.start, trigger.end, trigger.text,
                                  sub_event_type=trigger.sub_event_type))
    policy = lexicon().actor_roles[event_type]
    label = next((t.text for s in group.sentences for t in s.triggers if t.start == s.sentence.start == 0), "")
    a1, a2 = _cast(policy, sub_event_type, agent, target, group, country, review, fought, label, home)
    a1, a2 = (_abroad(a, country, review) for a in (a1, a2))
    if a1 is not None and a2 is not None and a1.name == a2.name and policy not in ("riot", "protest", "two_armed"):
        a2 = None
    if a1 is None:
        review.append({"field": "actor1", "reason": "no actor found for this event"})
    for field_name, mention in (("actor1", a1), ("actor2", a2)):
        if mention is not None and mention.review:
            review.append({"field": field_name, "reason": mention.review})
        if mention is not None and mention.end > mention.start and home is not None:
            holder = next((s for s in group.sentences if s.sentence.start <= mention.start < s.sentence.end), home)
            evidence.append(_evidence(field_name, holder, mention.start, mention.end, mention.text))
    inter1 = a1.inter if a1 else None
    inter2 = a2.inter if a2 else None
    civilian_targeting = inter2 == CIVILIANS and sub.civilian_targeting_allowed and policy == "victim_civilians"

    fatalities, _injured, used = num.fatalities(_untold(group))
    for c in used:
        holder = next(s for s in group.sentences + group.context if s.sentence.start <= c.start < s.sentence.end)
        told = {"split_among": c.value} if c.kind == "split" else {"value": c.value}
        evidence.append(_evidence("injuries" if c.kind == "injured" else "fatalities", holder, c.start, c.end, c.text,
                                  **told))
    if fatalities and sub_event_type in lexicon().no_fatalities:
        review.append({"field": "fatalities", "reason": f"{sub_event_type} kills no one: the {fatalities} death(s) "
                       "the report mentions are coded 0 here; code them where they happened"})
        fatalities = 0
    if any(c.vague for c in used if c.kind == "killed"):
        review.append({"field": "fatalities", "reason": "a vague number of dead: coded by ACLED's convention "
                       "(several 3, dozens 12, hundreds 100); check the scale of the attack"})

    place_fields = _place(group, review, evidence, places)
    date_fields = _date(group, review, evidence)
    record: Record = {
        "event_id_cnty": "",
        **date_fields,
        "disorder_type": sub.disorder_type,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": cb.interaction_code(inter1, inter2) if inter1 else None,
        "civilian_targeting": cb.civilian_targeting_value if civilian_targeting else "",
        "iso": cb.country_registry.lookup(country).iso,
        "region": cb.country_registry.lookup(country).region,
        "country": country,
        **place_fields,
        "source": "",
        "source_scale": "",
        "notes": _notes(group, date_fields, place_fields),
        "fatalities": fatalities,
        "tags": "",
        "timestamp": None,
    }
    record["evidence"] = evidence
    record["review"] = review
    return record


def _untold(group: Group) -> list[num.Count]:
    """The counts of an event's sentences, less those that tell again a number of dead or injured that another
    sentence already gave ("Gunmen kill 12" in a headline, "killed 12 villagers" in the body): one incident told
    twice is counted once."""
    counts: list[num.Count] = []
    told: dict[str, set[int]] = {}
    for s in group.sentences + group.context:
        mine = [c for c in s.counts if not (c.kind in ("killed", "injured") and c.value in told.get(c.kind, set()))]
        counts.extend(mine)
        for c in mine:
            told.setdefault(c.kind, set()).add(c.value)
    return counts


def _abroad(mention: ActorMention | None, country: str, review: list[dict[str, str]]) -> ActorMention | None:
    """A state force acting outside its own country is External/Other forces (ACLED)."""
    if mention is None or not mention.home or mention.home == country or mention.inter != STATE:
        return mention
    review.append({"field": "inter1", "reason": f"{mention.name} acts outside {mention.home}: coded as "
                   "External/Other forces"})
    return replace(mention, inter=EXTERNAL)


def _place(group: Group, review: list[dict[str, str]], evidence: list[dict[str, Any]],
           places: PlaceIndex | None) -> dict[str, Any]:
    blank: dict[str, Any] = {"admin1": "", "admin2": "", "admin3": "", "location": "", "latitude": None,
                             "longitude": None, "geo_precision": None}
    mention: PlaceMention | None = group.place
    if mention is None:
        review.append({"field": "location", "reason": "the report names no place for this event"})
        return blank
    holder = next((s for s in group.sentences + group.context if s.sentence.start <= mention.start < s.sentence.end),
                  None)
    if holder is not None:
        evidence.append(_evidence("place", holder, mention.start, mention.end, mention.text))
    near = group.fallback
    if mention.place is None and near is not None and near.place is not None:
        p = near.place
        review.append({"field": "location", "reason": f"{mention.text!r} is not in the gazetteer: coded to "
                       f"{p.location} (named nearby in the report) with geo_precision {near.geo_precision}"})
        return {"admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3, "location": p.location,
                "latitude": p.latitude, "longitude": p.longitude, "geo_precision": near.geo_precision}
    if mention.place is None:
        review.append({"field": "location", "reason": f"{mention.text!r} is not in the gazetteer: add it (admin "
                       "names, coordinates) or code the event to a nearby known place"})
        return {**blank, "location": mention.text}
    p = mention.place
    across = p.across_border
    if group.abroad and places is not None and across is not None and across.country == group.abroad:
        there = places.place(across.country, across.location)
        if there is not None:
            review.append({"field": "location", "reason": f"the report places the event across the border from "
                           f"{p.location}: coded to {there.location}, {across.country}, with geo_precision 2"})
            return {"admin1": there.admin1, "admin2": there.admin2, "admin3": there.admin3,
                    "location": there.location, "latitude": there.latitude, "longitude": there.longitude,
                    "geo_precision": 2}
    if group.abroad:
        review.append({"field": "location", "reason": f"the report places the event in {group.abroad}, across the "
                       f"border from {p.location}: find the place there"})
        return blank
    if mention.note:
        review.append({"field": "location", "reason": mention.note})
    elif mention.geo_precision > 1:
        review.append({"field": "geo_precision", "reason": f"{mention.text!r} is an area: coded to {p.location} "
                       f"with geo_precision {mention.geo_precision}"})
    return {"admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3, "location": p.location,
            "latitude": p.latitude, "longitude": p.longitude, "geo_precision": mention.geo_precision}


def _date(group: Group, review: list[dict[str, str]], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    mention = group.date_mention
    if group.undated:
        review.append({"field": "event_date", "reason": "the report gives no day: coded to the publication date, "
                       "or the middle of the week before it where the report says 'recently', with time_precision "
                       "2"})
    elif mention is not None:
        holder = next((s for s in group.sentences if s.sentence.start <= mention.start < s.sentence.end), None)
        if holder is not None:
            evidence.append(_evidence("date", holder, mention.start, mention.end, mention.text))
        if mention.precision > 1:
            review.append({"field": "time_precision", "reason": f"{mention.text!r} is not an exact day"})
    return {"event_date": group.day.isoformat(), "year": group.day.year, "time_precision": group.precision}


@functools.lru_cache(maxsize=256)
def _month(year: int, month: int) -> str:
    """ "May 2022": a month as the notes write it."""
    return f"{date(year, month, 1):%B %Y}"


def _notes(group: Group, date_fields: dict[str, Any], place_fields: dict[str, Any]) -> str:
    day = date.fromisoformat(date_fields["event_date"])
    when = f"{day.day} {_month(day.year, day.month)}"
    opening = f"On {when}" if date_fields["time_precision"] == 1 else f"Around {when} (as reported)"
    admin = ", ".join(x for x in (place_fields["admin3"], place_fields["admin2"], place_fields["admin1"]) if x)
    where = f", in {place_fields['location']}" + (f" ({admin})" if admin else "") if place_fields["location"] else ""
    body = " ".join(s.sentence.text for s in group.sentences)
    if group.date_mention is not None and body.find(group.date_mention.text) in range(0, 40):
        return body  # the report's own words already open with the day ("On 3 May 2022, in ...")
    return f"{opening}{where}: {body}"
