"""The actor knowledge base: countries, organizations, people and dated offices.

Everything is read from versioned data files in ``dateline/data/kb`` (written by us from
facts; see docs/knowledge-base.md), plus optional user files in the same formats
(``*.yaml`` people or organizations, ``*.tsv`` countries) and PETRARCH/CAMEO actor and
agent dictionaries. The KB is built once per set of files and shared.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

log = logging.getLogger(__name__)

# Offices by seniority: the first one a person holds on a day gives their code.
OFFICE_RANK: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "secretary_general",
    "commission_president",
    "council_president",
    "director_general",
    "high_representative",
    "vice_president",
    "deputy_prime_minister",
    "foreign_minister",
    "defence_minister",
    "finance_minister",
    "interior_minister",
    "justice_minister",
    "trade_minister",
    "security_council_secretary",
    "national_security_adviser",
    "military_commander",
    "army_chief",
    "intelligence_chief",
    "central_bank_governor",
    "chief_of_staff",
    "un_ambassador",
    "ambassador",
    "envoy",
    "aide",
    "press_secretary",
    "spokesperson",
    "foreign_ministry_spokesperson",
    "speaker",
    "opposition_leader",
    "rebel_leader",
    "prosecutor",
    "mayor",
)
# Offices whose holders a text may call by a generic role noun ("the aide", "the envoy").
ROLE_NOUN_OFFICES: dict[str, frozenset[str]] = {
    "aide": frozenset({"aide", "national_security_adviser", "chief_of_staff"}),
    "adviser": frozenset({"aide", "national_security_adviser"}),
    "advisor": frozenset({"aide", "national_security_adviser"}),
    "envoy": frozenset({"envoy", "un_ambassador"}),
    "negotiator": frozenset({"envoy"}),
    "spokesman": frozenset({"spokesperson", "press_secretary", "foreign_ministry_spokesperson"}),
    "spokeswoman": frozenset({"spokesperson", "press_secretary", "foreign_ministry_spokesperson"}),
    "spokesperson": frozenset({"spokesperson", "press_secretary", "foreign_ministry_spokesperson"}),
    "ambassador": frozenset({"ambassador", "un_ambassador"}),
    "minister": frozenset(
        {
            "foreign_minister",
            "defence_minister",
            "finance_minister",
            "interior_minister",
            "justice_minister",
            "trade_minister",
            "energy_minister",
            "head_of_government",
        }
    ),
    "diplomat": frozenset({"foreign_minister", "envoy", "ambassador", "un_ambassador"}),
    "leader": frozenset({"head_of_state", "head_of_government", "rebel_leader"}),
    "general": frozenset({"army_chief", "military_commander"}),
    "commander": frozenset({"army_chief", "military_commander"}),
}


@dataclass(frozen=True, slots=True)
class Tenure:
    """One office held between two dates (start inclusive, end exclusive, None = open)."""

    office: str
    where: str  # ISO alpha-3 country or an organization id ("org:un")
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def began_before(self, day: dt.date) -> bool:
        return self.start is not None and self.start <= day


@dataclass(slots=True)
class PersonEntry:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    country: str | None = None
    sector: str | None = None
    honorific: str | None = None
    tenures: list[Tenure] = field(default_factory=list)
    # Code from a PETRARCH dictionary: date ranges decide, no tenures needed.
    dict_actor: Any = None

    def tenures_on(self, day: dt.date) -> list[Tenure]:
        held = [t for t in self.tenures if t.covers(day)]
        return sorted(held, key=lambda t: _rank(t.office))

    def last_tenure_before(self, day: dt.date) -> Tenure | None:
        past = [t for t in self.tenures if t.began_before(day) and not t.covers(day)]
        return max(past, key=lambda t: t.start or dt.date.min) if past else None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


@dataclass(slots=True)
class OrgEntry:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "organization"
    country: str | None = None
    sector: str | None = None
    cameo: str | None = None
    office: str | None = None
    dict_actor: Any = None


@dataclass(slots=True)
class CountryEntry:
    code: str
    name: str
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)  # demonyms used before nouns
    peoples: list[str] = field(default_factory=list)  # plural demonyms ("Russians")
    capitals: list[str] = field(default_factory=list)
    is_region: bool = False


@dataclass(frozen=True, slots=True)
class ActorCode:
    """What a KB entry stands for on a given day."""

    country: str | None
    sector: str | None
    cameo: str | None


def _rank(office: str) -> int:
    try:
        return OFFICE_RANK.index(office)
    except ValueError:
        return len(OFFICE_RANK)


def make_cameo(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


@dataclass(slots=True)
class Titles:
    """Role titles, per-country overrides, leader offices, role nouns and body nouns."""

    office_sector: dict[str, str | None]
    generic: dict[str, str]
    by_country: dict[str, dict[str, str | None]]
    leader_head_of_government: frozenset[str]
    role_nouns: dict[str, str | None]
    bodies: dict[str, dict[str, str]]

    def office_for(self, title: str, country: str | None) -> str | None:
        """The office a title names in a country (None: the title is not an office there)."""
        title = title.lower()
        if country and title in self.by_country.get(country, {}):
            return self.by_country[country][title]
        if title == "leader":
            if country in self.leader_head_of_government:
                return "head_of_government"
            return "head_of_state"
        return self.generic.get(title)

    def all_title_phrases(self) -> set[str]:
        phrases = set(self.generic) | {"leader"}
        for table in self.by_country.values():
            phrases |= {t for t, office in table.items() if office}
        return phrases


@dataclass(slots=True)
class KnowledgeBase:
    countries: dict[str, CountryEntry]
    organizations: dict[str, OrgEntry]
    people: dict[str, PersonEntry]
    titles: Titles
    agents: dict[str, str | None]  # plural noun -> sector

    # --- lookups ----------------------------------------------------------
    def holders(self, office: str, where: str, day: dt.date) -> list[PersonEntry]:
        """People holding ``office`` in ``where`` on ``day``, the latest appointed first."""
        found: list[tuple[dt.date, PersonEntry]] = []
        for person in self.people.values():
            for t in person.tenures:
                if t.office == office and t.where == where and t.covers(day):
                    found.append((t.start or dt.date.min, person))
        found.sort(key=lambda pair: pair[0], reverse=True)
        return [p for _, p in found]

    def pick(self, person_ids: Sequence[str], day: dt.date | None) -> PersonEntry:
        """Of several people with the same name ("Bush"), the one in office on ``day``,
        else the one whose last office began most recently before it."""
        people = [self.people[p] for p in person_ids if p in self.people]
        if len(people) == 1 or day is None:
            return people[0]
        for person in people:
            if person.tenures_on(day):
                return person

        def last_start(person: PersonEntry) -> dt.date:
            starts = [t.start for t in person.tenures if t.start and t.start <= day]
            return max(starts, default=dt.date.min)

        return max(people, key=last_start)

    def org_heads(self, org_id: str, day: dt.date) -> list[PersonEntry]:
        found: list[tuple[int, PersonEntry]] = []
        for person in self.people.values():
            for t in person.tenures:
                if t.where == org_id and t.covers(day):
                    found.append((_rank(t.office), person))
        found.sort(key=lambda pair: pair[0])
        return [p for _, p in found]

    def person_code(
        self, person: PersonEntry, day: dt.date | None, *, former: bool = False
    ) -> ActorCode:
        """Country, sector and CAMEO code of a person on ``day``.

        In office -> the office's sector; office held before but not now (or "former" in
        the text) -> ELI; never held one -> the person's own sector.
        """
        if person.dict_actor is not None:
            return code_from_petrarch(person.dict_actor.code_on(day))
        if day is None:
            day = dt.date.today()
        current = [] if former else person.tenures_on(day)
        if current:
            return self.tenure_code(current[0], person)
        past = person.last_tenure_before(day)
        if former and past is None:
            past = next(iter(person.tenures_on(day)), None)
        if past is not None:
            country = past.where if self.is_country(past.where) else person.country
            return ActorCode(country, "ELI", make_cameo(country, "ELI"))
        return ActorCode(person.country, person.sector, make_cameo(person.country, person.sector))

    def tenure_code(self, tenure: Tenure, person: PersonEntry) -> ActorCode:
        sector = self.titles.office_sector.get(tenure.office, "GOV")
        if self.is_country(tenure.where):
            if sector == "IGO":
                sector = "GOV"
            return ActorCode(tenure.where, sector, make_cameo(tenure.where, sector))
        org = self.organizations.get(tenure.where)
        if org is not None:
            return ActorCode(org.country, org.sector, org.cameo)
        return ActorCode(person.country, sector, make_cameo(person.country, sector))

    def org_code(self, org: OrgEntry, day: dt.date | None) -> ActorCode:
        if org.dict_actor is not None:
            return code_from_petrarch(org.dict_actor.code_on(day))
        return ActorCode(org.country, org.sector, org.cameo or make_cameo(org.country, org.sector))

    def is_country(self, code: str) -> bool:
        return code in self.countries

    def country_name(self, code: str | None) -> str:
        if code and code in self.countries:
            return self.countries[code].name
        return code or ""

    def country_adjective(self, code: str | None) -> str:
        if code and code in self.countries and self.countries[code].adjectives:
            return self.countries[code].adjectives[0]
        return self.country_name(code)


def code_from_petrarch(code: str | None) -> ActorCode:
    """CAMEO code -> country (first 3 letters) and sector (next 3)."""
    if not code or code.strip("-") == "":
        return ActorCode(None, None, None)
    code = code.upper()
    country = code[:3]
    sector = code[3:6] or None
    return ActorCode(country, sector, code)


# --------------------------------------------------------------------- loading
def _data_dir() -> Path:
    return Path(str(resources.files("dateline") / "data" / "kb"))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


_ADJECTIVES_IN_S = frozenset({"Swiss", "U.S."})


def load_countries(path: Path, into: dict[str, CountryEntry]) -> None:
    """Countries TSV: code, names, demonyms, capitals (lists separated by ";")."""
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    for row in rows:
        row = [*row, "", "", ""][:4]
        code, names, demonyms, capitals = (c.strip() for c in row)
        entry = into.get(code)
        if entry is None:
            names_list = _split(names)
            entry = CountryEntry(code=code, name=names_list[0] if names_list else code)
            entry.is_region = len(code) == 3 and pycountry.countries.get(alpha_3=code) is None
            into[code] = entry
        entry.names.extend(n for n in _split(names) if n not in entry.names)
        for demonym in _split(demonyms):
            # Plural people nouns end in "s" ("Russians", "Swedes"); the rest are adjectives.
            is_people = demonym.endswith("s") and demonym not in _ADJECTIVES_IN_S
            target = entry.peoples if is_people else entry.adjectives
            if demonym not in target:
                target.append(demonym)
        entry.capitals.extend(c for c in _split(capitals) if c not in entry.capitals)


def _add_pycountry(into: dict[str, CountryEntry]) -> None:
    for country in pycountry.countries:
        code = country.alpha_3
        names = [getattr(country, "common_name", None), country.name]
        clean = [n for n in names if n and "," not in n and "(" not in n]
        entry = into.get(code)
        if entry is None:
            entry = CountryEntry(code=code, name=clean[0] if clean else country.name)
            into[code] = entry
        for n in clean:
            if n not in entry.names:
                entry.names.append(n)


def load_people(path: Path, into: dict[str, PersonEntry]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for item in data:
        person = PersonEntry(
            id=f"person:{item['id']}",
            name=str(item["name"]),
            aliases=[str(a) for a in item.get("aliases") or []],
            gender=item.get("gender"),
            country=item.get("country"),
            sector=item.get("sector"),
            honorific=item.get("honorific"),
        )
        for role in item.get("roles") or []:
            office, where, start, end = [*list(role), None, None, None, None][:4]
            person.tenures.append(Tenure(str(office), str(where), _date(start), _date(end)))
        into[person.id] = person


def load_organizations(path: Path, into: dict[str, OrgEntry]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for item in data:
        org_id = str(item["id"])
        existing = into.get(org_id)
        aliases = [str(a) for a in item.get("aliases") or []]
        if existing is not None:
            existing.aliases.extend(a for a in aliases if a not in existing.aliases)
            continue
        into[org_id] = OrgEntry(
            id=org_id,
            # Governments are named after their country unless the file says otherwise.
            name=str(item.get("name") or ("" if org_id.startswith("gov:") else aliases[0])),
            aliases=aliases,
            kind=item.get("kind", "organization"),
            country=item.get("country"),
            sector=item.get("sector"),
            cameo=item.get("cameo"),
            office=item.get("office"),
        )


def load_titles(path: Path) -> Titles:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    offices = {k: (v or {}).get("sector") for k, v in (data.get("offices") or {}).items()}
    leader = (data.get("leader") or {}).get("head_of_government") or []
    return Titles(
        office_sector=offices,
        generic={str(k).lower(): str(v) for k, v in (data.get("titles") or {}).items()},
        by_country={
            str(c): {str(k).lower(): v for k, v in (table or {}).items()}
            for c, table in (data.get("by_country") or {}).items()
        },
        leader_head_of_government=frozenset(leader),
        role_nouns={str(k).lower(): v for k, v in (data.get("role_nouns") or {}).items()},
        bodies={str(k).lower(): dict(v or {}) for k, v in (data.get("bodies") or {}).items()},
    )


def load_agents_tsv(path: Path, into: dict[str, str | None]) -> None:
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#") and len(row) >= 2:
                into[row[0].strip().lower()] = row[1].strip() or None


def _government_entries(kb: KnowledgeBase) -> None:
    """One "gov:XXX" organization per country, with the capitals as aliases."""
    for code, country in kb.countries.items():
        if country.is_region:
            continue
        gov_id = f"gov:{code}"
        adjective = country.adjectives[0] if country.adjectives else country.name
        entry = kb.organizations.get(gov_id)
        if entry is None:
            entry = OrgEntry(id=gov_id, name=f"{adjective} government")
            kb.organizations[gov_id] = entry
        elif not entry.name:
            entry.name = f"{adjective} government"
        entry.country, entry.sector, entry.cameo = code, "GOV", code + "GOV"
        entry.office = "government"


def load_user_file(path: Path, kb: KnowledgeBase) -> bool:
    """Add a user file (people/organizations YAML, countries or agents TSV). True if read."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if isinstance(data, list) and data and isinstance(data[0], dict):
            if "roles" in data[0] or "gender" in data[0]:
                load_people(path, kb.people)
            else:
                load_organizations(path, kb.organizations)
            return True
        return False
    if suffix in (".tsv", ".csv") and "agent" in path.name.lower():
        load_agents_tsv(path, kb.agents)
        return True
    if suffix in (".tsv", ".csv"):
        load_countries(path, kb.countries)
        return True
    return False


def add_petrarch(kb: KnowledgeBase, actors: Sequence[Any], agents: Sequence[Any]) -> None:
    """PETRARCH/CAMEO dictionary entries become KB entries with their dated codes."""
    for n, actor in enumerate(actors):
        names = [_petrarch_name(name) for name in actor.names]
        names = [name for name in names if name]
        code = actor.code_on(None)
        if not names or not code or code.strip("-") == "":
            continue
        dated = any(c.start is not None or c.end is not None for c in actor.codes)
        display = names[0].title()
        if dated:
            kb.people[f"dict:{n}"] = PersonEntry(
                id=f"dict:{n}", name=display, aliases=names, dict_actor=actor
            )
        else:
            kind = "country" if len(code.strip()) == 3 else "organization"
            kb.organizations[f"dict:{n}"] = OrgEntry(
                id=f"dict:{n}", name=display, aliases=names, kind=kind, dict_actor=actor
            )
    for agent in agents:
        code = str(agent.code).strip("~").upper()
        sector = code[:3] or None
        for noun in [agent.noun, *getattr(agent, "plural", [])]:
            noun = _petrarch_name(noun)
            if noun and noun not in kb.agents:
                kb.agents[noun] = sector


def _petrarch_name(name: str) -> str:
    return " ".join(str(name).replace("_", " ").split()).strip().lower()


def load_petrarch_files(paths: Iterable[str], kb: KnowledgeBase) -> list[str]:
    """Load PETRARCH actor/agent dictionaries via dateline.dictionaries (if installed)."""
    loaded: list[str] = []
    try:
        from dateline.dictionaries.petrarch import load_dictionaries
    except ImportError:  # the dictionaries package is optional for this stage
        log.warning("PETRARCH dictionary loader not available; dictionaries ignored")
        return loaded
    dset = load_dictionaries(list(paths))
    add_petrarch(kb, dset.actors, dset.agents)
    loaded.extend(str(r.path) for r in dset.reports if r.kind in ("actors", "agents"))
    return loaded


def build_kb(user_files: Sequence[str] = ()) -> KnowledgeBase:
    base = _data_dir()
    countries: dict[str, CountryEntry] = {}
    load_countries(base / "countries.tsv", countries)
    _add_pycountry(countries)
    organizations: dict[str, OrgEntry] = {}
    for path in sorted(base.glob("organizations*.yaml")):
        load_organizations(path, organizations)
    people: dict[str, PersonEntry] = {}
    for path in sorted(base.glob("people*.yaml")):
        load_people(path, people)
    agents: dict[str, str | None] = {}
    load_agents_tsv(base / "agents.tsv", agents)
    kb = KnowledgeBase(
        countries=countries,
        organizations=organizations,
        people=people,
        titles=load_titles(base / "titles.yaml"),
        agents=agents,
    )
    petrarch: list[str] = []
    for name in user_files:
        path = Path(name)
        if path.suffix.lower() in (".yaml", ".yml", ".tsv", ".csv") and path.is_file():
            load_user_file(path, kb)
        else:
            petrarch.append(name)
    if petrarch:
        load_petrarch_files(petrarch, kb)
    _government_entries(kb)
    return kb


@functools.lru_cache(maxsize=8)
def get_kb(user_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base for a set of user files, built once per process."""
    return build_kb(user_files)
