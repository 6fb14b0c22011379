"""Write the annotated confidentiality corpus from hand-written entries (run once, at build time).

The entries in ``bench/corpus/source/*.txt`` are written by hand; their people are slots that
this script fills with first names and surnames drawn from the ``names-dataset`` package
(Facebook-derived names from 105 countries; a build-time tool only, never a dependency of the
app) or from the small hand lists below for origins it does not cover (Welsh, Somali, Kenyan,
Vietnamese, Romanian, Tamil, Pakistani, Arabic script). Structured identifiers are generated in
the formats people really write them. Every identifying detail becomes a span
``{start, end, kind, text, origin}`` with ``body[start:end] == text`` (Python code points).

The split is made once: entries are grouped by what they hold (a National Insurance number,
another structured identifier, a named service, names only, nothing), each group is shuffled
with a fixed seed and dealt alternately into
``confidentiality_dev.jsonl`` (tune on it) and ``confidentiality_sealed.jsonl`` (report only).
Running this again reproduces both files byte for byte; never change the seed or the sources
after the first run, or the sealed half stops being unseen.

Template syntax (inside an entry's text):
    {p1=F:group}    a new person p1: a first name of that origin group
    {p1=FL:group}   a new person p1 with first name and surname
    {p1=L:group}    a new person p1 known by surname (write "Mrs {p1=L:pl}")
    {p1=H}          a new person p1 with a hyphenated first name
    {p1} {p1.L} {p1.FL}   p1's first name, surname or full name again
    [[text|kind]] or [[text|kind|origin]]   a literal annotated span
    {NHS} {NI} {PHONE} {LANDLINE} {EMAIL} {POSTCODE} {DOB} {ADDR} {SVC}   generated identifiers
An entry starts with a header line ``=== voice tags=a,b,@p1 people=Name,Name own=First_Last``
(an underscore stands for a space); a tag ``@p1`` is person p1's first name, lower-cased as jrnl
stores it, and counts as identifying; ``own`` names the writer, whose name is never a finding.

Usage: python bench/corpus/make_corpus.py   (needs ``pip install names-dataset``)
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = 16
LATIN = re.compile(r"^[A-Z][a-zà-öø-ÿāăąćčďēęěğīıłńňőōřśşšţťūůűźżž]{2,11}$")
JUNK = {
    "Itz",
    "Mhiz",
    "Abo",
    "Abu",
    "Bra",
    "Mst",
    "Lovely",
    "Unruly",
    "Djibouti",
    "Afar",
    "Abood",
    "Tota",
    "Mero",
    "Nona",
    "Emy",
    "Jojo",
    "Abdo",
    "Abduu",
    "Gech",
    "Obaapa",
    "Hajia",
    "Mohd",
    "Kumari",
    "Sheikh",
    "Syed",
    "Junior",
    "King",
    "Prince",
    "Queen",
    "Sunday",
    "Md",
    "Sk",
    "Umme",
    "Baby",
    "Nana",
    "Maame",
    "Naa",
    "Abush",
    "Mena",
    "Shamsudkn",
    "Ras",
    "Lar",
}

# Origin group -> countries of names-dataset whose names it draws on.
DATASET_GROUPS: dict[str, tuple[str, ...]] = {
    "english": ("GB",),
    "west_african": ("NG", "GH"),
    "east_african": ("ET",),
    "south_asian": ("IN", "BD"),
    "east_asian": ("JP",),
    "chinese": ("CN", "HK", "TW"),
    "polish": ("PL",),
    "irish": ("IE",),
    "arabic": ("EG", "SA", "JO", "IQ", "SY", "MA", "LB"),
    "somali": ("DJ",),
    "turkish": ("TR",),
    "romanian": ("MD",),
    "caribbean": ("JM", "HT"),
    "portuguese": ("PT", "BR"),
}


# Groups the dataset covers thinly or not at all: hand lists of common names.
def _split(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


HAND_FIRST: dict[str, list[str]] = {
    "welsh": _split(
        "Rhiannon Gwilym Dafydd Eluned Bethan Cerys Gethin Iolo Angharad Myfanwy Aled "
        "Sioned Carys Emrys Hefin Nia Owain Rhodri Siân Ffion Gruffydd Llinos Tegwen "
        "Meinir Heledd Elin Rhys Cadi Mared Iwan"
    ),
    "irish": _split(
        "Siobhán Niamh Aoife Caoimhe Pádraig Seán Oisín Róisín Ciarán Éabha Dearbhla "
        "Saoirse Clodagh Tadhg Eoghan Gráinne Sinéad Ruairí Orlaith Fionnuala"
    ),
    "somali": _split(
        "Abdi Hodan Faadumo Ayaan Xamdi Hibaaq Cawil Sahra Abdirahman Idil Muna Warsame "
        "Ubah Ahmed Najma Shukri Deeqa Liban Sagal Abdullahi Hamdi Yasmiin"
    ),
    "east_african": _split(
        "Wanjiru Achieng Njeri Otieno Kamau Kiprop Wambui Akinyi Mwangi Nyokabi "
        "Okello Nakato Mugisha Tendai Eyerusalem Selam Dawit Tesfay Senait Yonas "
        "Aklilu Tsion"
    ),
    "vietnamese": _split(
        "Linh Minh Huong Duc Thu Quang Trang Hieu Phuong Tuan Ngoc Thanh Hoa Dung "
        "Anh Khanh Vy Long Hanh Bao"
    ),
    "romanian": _split(
        "Ionuț Andreea Mihai Bogdan Ștefan Alexandru Ioana Cristina Florin Răzvan "
        "Mădălina Adrian Gabriela Sorin Raluca Cătălin Roxana Vlad Oana Dragoș"
    ),
    "south_asian": _split(
        "Gurpreet Harjit Manpreet Jaswinder Baljit Harpreet Kuldeep Hetal Bhavna "
        "Jignesh Nilesh Rupal Tharshini Kavitha Senthil Murugan Sivakumar Arjun "
        "Imran Bilal Ayesha Zainab Usman Farzana Shahida Tahmina Rokeya Mahfuz "
        "Anjali Dhruv Kiran Parveen Nasreen Rizwan Sundas"
    ),
    "east_asian": _split(
        "Hyun-woo Ji-yeon Min-jun Seo-yeon Eun-ji Sung-min Haruto Yuna Sakura Daiki Kenta Aiko Ren"
    ),
    "caribbean": _split(
        "Delroy Marcia Winston Claudette Everton Beverley Desmond Hyacinth Errol "
        "Paulette Leroy Yvonne Dwayne Shanice Kemar Tamika Devon Latoya"
    ),
    "arabic_script": _split(
        "محمد فاطمة يوسف عائشة خالد مريم عمر ليلى حسن زينب أحمد نور سلمى إبراهيم هدى"
    ),
    "non_latin": _split("王芳 李娜 陈伟 ঝুমা রহিম Анна Олег Γιώργος"),
    "hyphenated": _split(
        "Anne-Marie Jean-Luc Mary-Jane Sarah-Jane Lee-Ann Jo-Anne Marie-Claire "
        "Jean-Pierre Ann-Marie Rose-Marie Lily-Mae Ellie-May Tia-Rose Abdul-Rahman "
        "Abdul-Karim Mei-Ling Shu-Fen Ji-Woo Hye-Jin Jean-Baptiste Kelly-Ann "
        "Nur-Aisha Mary-Kate Leigh-Anne"
    ),
}
HAND_LAST: dict[str, list[str]] = {
    "welsh": _split(
        "Llewellyn Pritchard Prosser Bowen Griffiths Pugh Vaughan Gwynne Meredith "
        "Parry Howells Rees Powell Bevan"
    ),
    "irish": _split(
        "Ó Súilleabháin|Ní Bhriain|Mac Giolla|Ó Murchú|Breathnach|Ní Dhomhnaill|"
        "Mac Cárthaigh|Ó Ceallaigh|Nic Aodha|Ó Briain",
        "|",
    ),
    "somali": _split(
        "Warsame Farah Hirsi Jama Yusuf Abdi Egal Osman Duale Nur Aden Hassan Omar "
        "Mohamud Ismail Guled"
    ),
    "east_african": _split(
        "Kamau Otieno Wanjiku Mwangi Ochieng Kiptoo Mutua Haile Tesfaye Gebremedhin "
        "Nakamya Ssempala Kariuki Muthoni"
    ),
    "vietnamese": _split("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương"),
    "romanian": _split(
        "Popescu Ionescu Popa Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Constantin "
        "Marin Nistor Lungu Moldovan"
    ),
    "south_asian": _split(
        "Sandhu Gill Dhillon Grewal Bains Patel Shah Mehta Joshi Desai Pillai "
        "Subramaniam Krishnan Chaudhry Qureshi Malik Begum Miah Chowdhury Uddin "
        "Rahman Sidhu Thakkar Nair"
    ),
    "east_asian": _split("Kim Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang"),
    "caribbean": _split(
        "Campbell Thompson Reid Clarke Gordon Grant Francis McKenzie Bailey Samuels "
        "Henry Brathwaite Fergus Joseph Charles"
    ),
    "hyphenated": ["Dupont", "Martin", "Baptiste", "Wong", "Haddad", "Lambert"],
    "arabic_script": _split("حداد خوري منصور صالح"),
    "non_latin": ["王", "Иванова"],
}
STREETS = _split(
    (
        "Millbrook Road|Acacia Avenue|Coronation Street|Tennyson Close|Oakfield Drive|Station "
        "Road|Brunswick Terrace|Ladysmith Road|Cromwell Crescent|Heather Lane|Hollins Grove|"
        "Victoria Street|Beechwood Gardens|Windmill Hill|Albert Road|Marlborough Way|Kingsley "
        "Court|Primrose Walk|Bridge Street|Park View|Sandringham Drive|Canal Side|Northfield "
        "Avenue|Carr Lane|Chapel Row"
    ),
    "|",
)
SERVICE_PLACES = _split(
    (
        "Riverside|Abbey Road|Northgate|Elm|Oakwood|Meadowbank|Larchfield|Harrowgate|"
        "Westbury|Kingfisher|Beacon|Ashcroft|Fernlea|Holme Park|Cedar|Marsh Lane|"
        "Greenhill|Brookside|Thornbury|Windrush|Castlegate|Millfield|Juniper|Wharfedale|"
        "St Cuthbert's|Hawthorn|Bramley|Lindisfarne|Sycamore|Southmead"
    ),
    "|",
)
SERVICE_HEADS = _split(
    (
        "Hearing Voices Group|CMHT|Recovery College|Crisis Café|Ward|Day Centre|"
        "Clubhouse|Community Hub|Lodge|House|Peer Support Group|Women's Centre|"
        "Food Bank|Unit|Resource Centre|Men's Shed|Wellbeing Hub|Surgery|Medical "
        "Practice|Drop-In|Community Mental Health Team|Mind|Sanctuary"
    ),
    "|",
)


@dataclass
class Person:
    """One person of an entry: the names its slots print."""

    first: str
    last: str = ""
    group: str = ""


@dataclass
class Builder:
    """Turns one template into a body with annotated spans."""

    rng: random.Random
    pools: dict[str, tuple[list[str], list[str]]]
    people: dict[str, Person] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)
    spans: list[dict[str, object]] = field(default_factory=list)
    length: int = 0

    def text(self, piece: str) -> None:
        """Append a piece of the body."""
        self.body.append(piece)
        self.length += len(piece)

    def span(self, piece: str, kind: str, origin: str = "") -> None:
        """Append an identifying detail, noting where it is, its kind and its origin."""
        record: dict[str, object] = {
            "start": self.length,
            "end": self.length + len(piece),
            "kind": kind,
            "text": piece,
        }
        if origin:
            record["origin"] = origin
        self.spans.append(record)
        self.text(piece)


def load_pools() -> dict[str, tuple[list[str], list[str]]]:
    """Draw per-group first-name and surname pools from names-dataset and the hand lists."""
    from names_dataset import NameDataset

    ordinary = set(
        gzip.decompress((ROOT / "psw_journal/core/namedata/ordinary_words.txt.gz").read_bytes())
        .decode("utf-8")
        .split()
    )
    dataset = NameDataset()

    import pycountry

    def usable(name: str) -> bool:
        return bool(LATIN.match(name)) and name not in JUNK and name.casefold() not in ordinary

    def typical(name: str, countries: tuple[str, ...], part: str) -> bool:
        # A name counts for a group when at least 30% of its bearers live in its countries
        # ("Raymond" is common in Nigeria, but it is not a West African name).
        if countries == ("GB",):
            return True
        found = (dataset.search(name).get(part) or {}).get("country") or {}
        wanted = {pycountry.countries.get(alpha_2=code).name for code in countries}
        return sum(share for country, share in found.items() if country in wanted) >= 0.3

    pools: dict[str, tuple[list[str], list[str]]] = {}
    for group, countries in DATASET_GROUPS.items():
        firsts: list[str] = []
        lasts: list[str] = []
        for country in countries:
            top = dataset.get_top_names(n=250, country_alpha2=country)[country]
            firsts += [
                n for n in top["M"] + top["F"] if usable(n) and typical(n, countries, "first_name")
            ]
            lasts += [
                n
                for n in dataset.get_top_names(
                    n=250, country_alpha2=country, use_first_names=False
                )[country]
                if usable(n) and typical(n, countries, "last_name")
            ]
        firsts = sorted(set(firsts) | set(HAND_FIRST.get(group, [])))
        lasts = sorted(set(lasts) | set(HAND_LAST.get(group, [])))
        pools[group] = (firsts, lasts)
    for group, firsts in HAND_FIRST.items():
        if group not in pools:
            pools[group] = (sorted(firsts), sorted(HAND_LAST[group]))
    return pools


def nhs_number(rng: random.Random) -> str:
    """Return a random NHS number with a valid check digit, in one of its written forms."""
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        check = 0 if check == 11 else check
        if check != 10:
            break
    text = "".join(map(str, digits)) + str(check)
    return rng.choice(
        [
            f"{text[:3]} {text[3:6]} {text[6:]}",
            text,
            f"{text[:3]}-{text[3:6]}-{text[6:]}",
            f"{text[:3]} {text[3:6]} {text[6:]}",
        ]
    )


def ni_number(rng: random.Random) -> str:
    """Return a National Insurance number written the ways people write them."""
    letters = "ABCEGHJKLMNOPRSTWXYZ"
    prefix = rng.choice("ABCEGHJKLMNPRSTWXYZ") + rng.choice(letters.replace("O", ""))
    digits = f"{rng.randrange(10**6):06d}"
    suffix = rng.choice("ABCD")
    pairs = " ".join(digits[i : i + 2] for i in (0, 2, 4))
    return rng.choice(
        [
            f"{prefix} {pairs} {suffix}",
            f"{prefix}{digits}{suffix}",
            f"{prefix} {digits} {suffix}",
            f"{prefix}{pairs.replace(' ', '')}{suffix}",
            f"{prefix} {pairs} {suffix}",
            f"{prefix}-{digits[:2]}-{digits[2:4]}-{digits[4:]}-{suffix}",
            f"{prefix.lower()} {pairs} {suffix.lower()}",
        ]
    )


def phone(rng: random.Random) -> str:
    """Return a UK mobile number in one of its written forms."""
    rest = f"{rng.randrange(10**6):06d}"
    mid = f"7{rng.choice('4579')}{rng.randrange(100):02d}"
    return rng.choice(
        [
            f"0{mid} {rest}",
            f"0{mid}{rest}",
            f"+44 {mid} {rest}",
            f"0{mid} {rest[:3]} {rest[3:]}",
            f"+44 (0){mid} {rest}",
            f"0{mid}-{rest}",
            f"(0{mid}) {rest}",
        ]
    )


def landline(rng: random.Random) -> str:
    """Return a UK landline number (drama ranges) in one of its written forms."""
    return rng.choice(
        [
            f"0113 496 0{rng.randrange(1000):03d}",
            f"020 7946 0{rng.randrange(1000):03d}",
            f"(0161) 496 0{rng.randrange(1000):03d}",
            f"01632 960{rng.randrange(1000):03d}",
            f"0117 496 0{rng.randrange(1000):03d}",
            f"029 2018 0{rng.randrange(1000):03d}",
        ]
    )


def postcode(rng: random.Random) -> str:
    """Return a plausible UK postcode."""
    area = rng.choice(
        [
            "M",
            "LS",
            "B",
            "BS",
            "CF",
            "NE",
            "L",
            "S",
            "E",
            "SW",
            "N",
            "BD",
            "HU",
            "LE",
            "NG",
            "G",
            "EH",
            "OL",
            "WF",
            "SE",
        ]
    )
    outward = f"{area}{rng.randrange(1, 20)}"
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    inward = f"{rng.randrange(10)}{rng.choice(letters)}{rng.choice(letters)}"
    return rng.choice([f"{outward} {inward}", f"{outward} {inward}", f"{outward}{inward}"])


def date_of_birth(rng: random.Random) -> str:
    """Return a birth date in one of the formats people write."""
    year = rng.randrange(1945, 2006)
    month = rng.randrange(1, 13)
    day = rng.randrange(1, 29)
    names = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    return rng.choice(
        [
            f"{day} {names[month - 1]} {year}",
            f"{day:02d}/{month:02d}/{year}",
            f"{day}/{month}/{str(year)[2:]}",
            f"{year}-{month:02d}-{day:02d}",
            f"{names[month - 1]} {day}{suffix}, {year}",
            f"{day}{suffix} of {names[month - 1]} {year}",
            f"{day}.{month}.{year}",
            f"{day} {names[month - 1][:3]} {year}",
        ]
    )


def email(rng: random.Random, pools: dict[str, tuple[list[str], list[str]]]) -> str:
    """Return an email address made of a random person's name."""
    group = rng.choice(sorted(DATASET_GROUPS))
    first, last = rng.choice(pools[group][0]), rng.choice(pools[group][1])
    local = rng.choice(
        [
            f"{first}.{last}",
            f"{first[0]}{last}{rng.randrange(10, 99)}",
            f"{first}{rng.randrange(70, 99)}",
            f"{last}_{first[0]}",
        ]
    ).casefold()
    local = re.sub(r"[^a-z0-9._]", "", local) or "someone"
    domains = ["example.com", "example.org", "example.net", "mail.example.co.uk"]
    return f"{local}@{rng.choice(domains)}"


def address(rng: random.Random) -> str:
    """Return a street address."""
    number = rng.randrange(1, 240)
    street = rng.choice(STREETS)
    return rng.choice(
        [
            f"{number} {street}",
            f"Flat {rng.randrange(1, 30)}, {number} {street}",
            f"{number}{rng.choice('ab')} {street}",
            f"{number} {street}",
        ]
    )


def service(rng: random.Random) -> str:
    """Return a named local service or group."""
    return f"{rng.choice(SERVICE_PLACES)} {rng.choice(SERVICE_HEADS)}"


SLOT = re.compile(r"\{([^{}]+)\}|\[\[([^\[\]]+)\]\]")
GENERATED = {
    "NHS": "nhs_number",
    "NI": "ni_number",
    "PHONE": "phone",
    "LANDLINE": "phone",
    "EMAIL": "email",
    "POSTCODE": "postcode",
    "DOB": "date_of_birth",
    "ADDR": "address",
    "SVC": "ward_or_service",
}


def fill(builder: Builder, template: str) -> None:
    """Append a template's text to the builder, filling slots and annotating spans."""
    last = 0
    for match in SLOT.finditer(template):
        builder.text(template[last : match.start()])
        last = match.end()
        if match.group(2):
            text, _, rest = match.group(2).partition("|")
            kind, _, origin = rest.partition("|")
            builder.span(text, kind, origin)
        else:
            slot(builder, match.group(1))
    builder.text(template[last:])


def slot(builder: Builder, name: str) -> None:
    """Fill one ``{...}`` slot."""
    rng = builder.rng
    if name in GENERATED:
        makers = {
            "NHS": nhs_number,
            "NI": ni_number,
            "PHONE": phone,
            "LANDLINE": landline,
            "POSTCODE": postcode,
            "DOB": date_of_birth,
            "ADDR": address,
            "SVC": service,
        }
        text = email(rng, builder.pools) if name == "EMAIL" else makers[name](rng)
        builder.span(text, GENERATED[name])
        return
    key, _, spec = name.partition("=")
    if spec:
        form, _, group = spec.partition(":")
        group = group or "hyphenated"
        firsts, lasts = builder.pools[group]
        used = {p.first for p in builder.people.values()} | {
            p.last for p in builder.people.values()
        }
        first = rng.choice([n for n in firsts if n not in used] or firsts)
        builder.people[key] = Person(first, rng.choice(lasts) if lasts else "", group)
        form = {"H": "F", "HL": "FL"}.get(form, form)
        key = f"{key}.{form}"
    person_key, _, form = key.partition(".")
    person = builder.people[person_key]
    text = {
        "": person.first,
        "F": person.first,
        "L": person.last,
        "FL": f"{person.first} {person.last}",
    }[form]
    builder.span(text, "name", person.group)


def build(
    source: str, rng: random.Random, pools: dict[str, tuple[list[str], list[str]]], ident: str
) -> dict[str, object]:
    """Return one corpus record from one template (its header line, then its text)."""
    header, _, template = source.partition("\n")
    fields = dict(part.split("=", 1) for part in header.split()[1:] if "=" in part)
    voice = header.split()[0] if header.split() else "note"
    builder = Builder(rng, pools)
    fill(builder, template.strip("\n"))
    tags, tag_pii = [], []
    for tag in filter(None, fields.get("tags", "").split(",")):
        if tag.startswith("@"):
            name = (
                builder.people[tag[1:]].first.casefold()
                if tag[1:] in builder.people
                else tag[1:].casefold()
            )
            tags.append(name)
            tag_pii.append(name)
        else:
            tags.append(tag)
    record: dict[str, object] = {
        "id": ident,
        "voice": voice,
        "body": "".join(builder.body),
        "tags": tags,
        "tag_pii": tag_pii,
        "people": [p.replace("_", " ") for p in fields.get("people", "").split(",") if p],
        "own_names": [p.replace("_", " ") for p in fields.get("own", "").split(",") if p],
        "pii": builder.spans,
    }
    body = str(record["body"])
    assert all(body[s["start"] : s["end"]] == s["text"] for s in builder.spans)  # type: ignore[misc]
    return record


def _stratum(record: dict[str, object]) -> str:
    kinds = {str(span["kind"]) for span in record["pii"]}  # type: ignore[attr-defined]
    if "ni_number" in kinds:
        return "ni"
    if kinds - {"name", "ward_or_service"}:
        return "structured"
    if "ward_or_service" in kinds:
        return "service"
    return "names" if kinds or record["tag_pii"] else "clean"


def main() -> int:
    """Write the development and sealed halves."""
    rng = random.Random(SEED)
    pools = load_pools()
    sources = []
    for path in sorted((HERE / "source").glob("*.txt")):
        chunks = path.read_text(encoding="utf-8").split("\n=== ")
        chunks[0] = chunks[0].removeprefix("=== ")
        sources += [chunk for chunk in chunks if chunk.strip() and not chunk.startswith("#")]
    records = [build(src, rng, pools, f"c{index:03d}") for index, src in enumerate(sources, 1)]
    halves: dict[str, list[int]] = {"dev": [], "sealed": []}
    split = random.Random(SEED)
    for stratum in ("ni", "structured", "service", "clean", "names"):
        members = [i for i, record in enumerate(records) if _stratum(record) == stratum]
        split.shuffle(members)
        halves["dev"] += members[0::2]
        halves["sealed"] += members[1::2]
    for name, chosen in halves.items():
        lines = [json.dumps(records[i], ensure_ascii=False) for i in sorted(chosen)]
        (HERE / f"confidentiality_{name}.jsonl").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
        print(f"{name}: {len(chosen)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
