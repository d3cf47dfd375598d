"""The ``actors`` stage: who the article names, and where.

Sources of actor mentions, in the order they are found:

1. the gazetteer: states by name ("Ukraine", "the U.S."), by metonym ("the Kremlin", "Moscow
   said"; a city used as a place is not a mention), by demonym only where it stands for the
   state ("Russian officials", "the Ukrainian side"); organisations, armed groups, media and
   well-known people by name or alias;
2. named government bodies by pattern: "the Russian Foreign Ministry", "Ukraine's Defence
   Ministry", "the Ministry of Foreign Affairs of Armenia", "the Biden administration";
3. people the gazetteer does not know, by grammar: a title before the name ("Kremlin
   spokesperson Dmitry Peskov", "Kenyan Ambassador to the African Union Jane Mwangi"),
   an appositive after it ("Amina Yusuf, the governor of North Darfur,"), a courtesy
   title ("Mr. Haddad") or a speech verb ("Amina Yusuf said"); the title becomes a
   [`Role`][conflictmodel.Role] and the country it implies the actor's country;
4. anonymous sources ("a senior Hamas official", "two people familiar with the matter",
   "sources close to the talks", "insiders") as ``anon:<slug>`` actors;
5. coreference inside the article: surnames ("Peskov"), "Mr. Peskov", and definite descriptions
   ("the envoy", "the ministry", "the analyst") recorded with ``via="descriptor"``.

[`resolve_phrase`][conflictmodel.parsers.actors.resolve_phrase] and
[`resolve_pronoun`][conflictmodel.parsers.actors.resolve_pronoun] let later stages turn a speaker
phrase or pronoun into an actor.

Example:
    >>> from conflictmodel import parse_article
    >>> art = parse_article("Armenian Prime Minister Nikol Pashinyan met Azerbaijani Foreign "
    ...     "Minister Jeyhun Bayramov. A senior Western diplomat said Baku wanted a deal.")
    >>> [(a.id, a.title) for a in art.actors if a.kind.value in ("person", "state")]
    [('person:nikol-pashinyan', 'Armenian Prime Minister'), ('person:jeyhun-bayramov', 'Azerbaijani Foreign Minister'), ('anon:senior-western-diplomat', None), ('state:AZ', None)]
"""

from conflictmodel.parsers.actors.resolve import resolve_phrase, resolve_pronoun
from conflictmodel.parsers.actors.rules import ActorRules
from conflictmodel.parsers.actors.run import ActorParser

__all__ = ["ActorParser", "ActorRules", "resolve_phrase", "resolve_pronoun"]
