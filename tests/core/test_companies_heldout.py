"""Companies in news paragraphs of the held-out kind, written for these tests.

Each case is one short paragraph, in French or English, with the companies that must
be found (any surface form of theirs counts) and the names that must never be listed
as a company: ministries, regulators, courts, universities, cities, parties, unions,
NGOs, people, products and stock indices. Most companies are invented, so the rules are
tested rather than the data file; ambiguous names (public investment banks) are in
neither list.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tui.core.entities import nlp
from tui.core.entities.companies import find_companies, gazetteer


@dataclass(frozen=True)
class Case:
    text: str
    companies: tuple[str, ...]
    not_companies: tuple[str, ...] = ()


FRENCH = [
    Case(
        "La start-up nantaise Kelvora a bouclé une levée de fonds de 8 millions d'euros "
        "auprès de Brennus Capital et de Bpifrance. Fondée en 2019, Kelvora conçoit des "
        "capteurs pour l'industrie.",
        ("Kelvora", "Brennus Capital"),
    ),
    Case(
        "Le groupe Valmeris a annoncé le rachat de Tessaly, spécialiste lyonnais de la "
        "cybersécurité. L'opération doit encore être validée par l'Autorité de la concurrence.",
        ("Valmeris", "Tessaly"),
        ("Autorité de la concurrence",),
    ),
    Case(
        "Le ministère de l'Économie a confirmé que l'État entrerait au capital de Norvane "
        "Énergies à hauteur de 10 %.",
        ("Norvane Énergies",),
        ("ministère de l'Économie", "État"),
    ),
    Case(
        "OptiCargo, la jeune pousse marseillaise, lève 3 millions d'euros auprès du fonds "
        "Azimut Partners et de plusieurs business angels.",
        ("OptiCargo", "Azimut Partners"),
    ),
    Case(
        "Le fonds d'investissement Hexagone Croissance a pris une participation minoritaire "
        "dans Ferlin, fabricant de menuiseries installé en Vendée.",
        ("Hexagone Croissance", "Ferlin"),
        ("Vendée",),
    ),
    Case(
        "Le spécialiste des centres de données DataNordik va construire un campus de 40 "
        "mégawatts près de Montréal, avec le soutien d'Investissement Québec.",
        ("DataNordik",),
        ("Montréal",),
    ),
    Case(
        "La banque privée Mirabaud & Cie a vu son bénéfice net progresser de 12 % au premier "
        "semestre. La Finma, le gendarme des marchés, n'a pas commenté.",
        ("Mirabaud & Cie",),
        ("Finma",),
    ),
    Case(
        "L'assureur mutualiste Solvéa a finalisé l'acquisition du courtier Arpège Conseil, "
        "selon un communiqué publié lundi.",
        ("Solvéa", "Arpège Conseil"),
    ),
    Case(
        "Le quotidien économique Le Courrier des Affaires a été racheté par le groupe de "
        "presse Média Horizon pour un montant tenu secret.",
        ("Le Courrier des Affaires", "Média Horizon"),
    ),
    Case(
        "L'Université de Bordeaux et le CHU de Toulouse ont signé un partenariat avec la "
        "medtech Cardialis pour tester son dispositif.",
        ("Cardialis",),
        ("Université de Bordeaux", "CHU de Toulouse"),
    ),
    Case(
        "Avec son assistant Nova, présenté mardi, l'éditeur de logiciels Quantilis espère "
        "concurrencer Microsoft sur les PME.",
        ("Quantilis", "Microsoft"),
        ("Nova",),
    ),
    Case(
        "Interrogé par nos soins, Pierre Garnier, fondateur de Lumina Bio, a salué la "
        "décision du régulateur.",
        ("Lumina Bio",),
        ("Pierre Garnier",),
    ),
    Case(
        "Le CAC 40 a terminé en hausse de 0,8 %, porté par Stellantis et Kering, tandis que "
        "le titre Orvalia reculait de 4 %.",
        ("Stellantis", "Kering", "Orvalia"),
        ("CAC 40",),
    ),
    Case(
        "La Ville de Paris et la Région Île-de-France ont retenu le consortium mené par "
        "Soletra pour rénover les écoles.",
        ("Soletra",),
        ("Ville de Paris", "Région Île-de-France", "Paris"),
    ),
    Case(
        "Le tour de table de 25 millions d'euros réunit Altaïr Ventures, Quadrille, Ombrelle "
        "et Kima Ventures.",
        ("Altaïr Ventures", "Quadrille", "Ombrelle", "Kima Ventures"),
    ),
    Case(
        "« Nous allons doubler nos effectifs », explique Claire Dubois, PDG de Wattelia.",
        ("Wattelia",),
        ("Claire Dubois",),
    ),
    Case(
        "Introduite en Bourse en 2021, Nexalis a vu son action chuter de 30 % après un "
        "avertissement sur résultats.",
        ("Nexalis",),
    ),
    Case(
        "Après dix ans chez Capgemini, elle a rejoint Stratello, un cabinet de conseil en "
        "stratégie.",
        ("Capgemini", "Stratello"),
    ),
    Case(
        "Le Rassemblement national et La France insoumise ont critiqué la fusion entre "
        "Brevia et Solinum.",
        ("Brevia", "Solinum"),
        ("Rassemblement national", "La France insoumise"),
    ),
    Case(
        "La CFDT et Force ouvrière dénoncent le plan social annoncé par Teknor, qui supprime "
        "300 postes.",
        ("Teknor",),
        ("CFDT", "Force ouvrière"),
    ),
    Case(
        "Le Mouvement Desjardins et la Banque Nationale ont participé au financement de "
        "Lumeo Robotique, une entreprise de Sherbrooke.",
        ("Desjardins", "Banque Nationale", "Lumeo Robotique"),
        ("Sherbrooke",),
    ),
    Case(
        "Le géant bâlois Roche a annoncé l'acquisition de la biotech zurichoise Cellvera "
        "pour 1,2 milliard de francs.",
        ("Roche", "Cellvera"),
    ),
    Case(
        "L'association UFC-Que Choisir et l'ONG Greenpeace ont porté plainte contre le "
        "groupe Agrivita.",
        ("Agrivita",),
        ("UFC-Que Choisir", "Greenpeace"),
    ),
    Case(
        "Sur l'exercice 2024, Fromageries Delacour a réalisé un chiffre d'affaires de 420 "
        "millions d'euros, en hausse de 6 %.",
        ("Fromageries Delacour",),
    ),
    Case(
        "Fondée par deux anciens d'Airbus, SkyPulse fournit des données météo aux "
        "compagnies aériennes.",
        ("Airbus", "SkyPulse"),
    ),
    Case(
        "Valorisée plus d'un milliard de dollars, la licorne Finexa rejoint le club des "
        "entreprises du Next40.",
        ("Finexa",),
        ("Next40",),
    ),
    Case(
        "L'AMF a infligé une amende de 2 millions d'euros à la société de gestion Orféo Gestion.",
        ("Orféo Gestion",),
        ("AMF",),
    ),
    Case(
        "Le tribunal de commerce de Lyon a placé le fabricant de vélos Cyclaro en "
        "redressement judiciaire.",
        ("Cyclaro",),
        ("tribunal de commerce de Lyon", "Lyon"),
    ),
    Case(
        "Selon le magazine Challenges, le groupe Dalvène envisage de céder sa filiale de "
        "transport.",
        ("Challenges", "Dalvène"),
    ),
    Case(
        "Le fonds américain Carrow Partners a racheté 15 % de Télémaque, l'éditeur de jeux "
        "vidéo bordelais.",
        ("Carrow Partners", "Télémaque"),
    ),
    Case(
        "Le CNES et l'Onera travaillent avec Orbiteo, qui a levé 54 millions d'euros l'an dernier.",
        ("Orbiteo",),
        ("CNES", "Onera"),
    ),
    Case(
        "Nouveau record pour Qeyos : la plateforme de paiement a traité 2 milliards d'euros "
        "de transactions. Ensuite, la société vise l'Allemagne.",
        ("Qeyos",),
        ("Nouveau", "Ensuite", "Allemagne"),
    ),
    Case(
        "Microsoft intègre son assistant Copilot dans PowerPoint et OneDrive, a annoncé le "
        "groupe de Redmond.",
        ("Microsoft",),
        ("Copilot", "PowerPoint", "OneDrive", "Redmond"),
    ),
    Case(
        "Basée à Genève, Marie Dupont dirige le service juridique de la banque Helvetia "
        "Privée depuis 2020.",
        ("Helvetia Privée",),
        ("Marie Dupont", "Genève"),
    ),
    Case(
        "Créée en 2017, HydroVolt a levé 20 millions d'euros pour industrialiser ses "
        "électrolyseurs.",
        ("HydroVolt",),
    ),
    Case(
        "Le Conseil fédéral et la Banque nationale suisse ont salué la reprise de la banque "
        "en difficulté par UBS.",
        ("UBS",),
        ("Conseil fédéral", "Banque nationale suisse"),
    ),
    Case(
        "La Caisse de dépôt et placement du Québec a investi 300 millions de dollars dans "
        "Boralis Énergie, selon Radio-Canada.",
        ("Boralis Énergie", "Radio-Canada"),
        ("Québec",),
    ),
    Case(
        "Leader européen de la location de nacelles, Hauteval a publié un chiffre d'affaires "
        "de 900 millions d'euros. Le groupe est détenu par le fonds Brienne Partenaires.",
        ("Hauteval",),
    ),
    Case(
        "Le président du groupe parlementaire du parti Avenir Commun a rencontré le patron "
        "de Solvane, Marc Petit.",
        ("Solvane",),
        ("Avenir Commun", "Marc Petit"),
    ),
    Case(
        "La fintech toulousaine Payvia lève 15 millions d'euros auprès de Frst, Quadra Ventures "
        "et de plusieurs business angels, dont Thomas Rivière.",
        ("Payvia", "Frst", "Quadra Ventures"),
        ("Thomas Rivière",),
    ),
    Case(
        "Le fonds Brennus Capital a soutenu Vostra en 2016 et Kelmo en 2019, puis Ardian a "
        "repris le portefeuille.",
        ("Brennus Capital", "Vostra", "Kelmo", "Ardian"),
    ),
    Case(
        "Nous avons financé deux start-ups : Arvelo pour 150.000 euros, et Tivanne à hauteur "
        "de 200.000 euros, aux côtés de Kima Ventures (déjà présent au capital) et Quadrille.",
        ("Arvelo", "Tivanne", "Kima Ventures", "Quadrille"),
    ),
    Case(
        "Le groupe Halmstad a déposé une offre sur le numéro deux tchèque de la chimie, "
        "Velmora. Selon le décompte de DEALWIRE, c'est la troisième offre de l'année.",
        ("Velmora", "DEALWIRE", "Halmstad"),
    ),
    Case(
        "Selon les chiffres de l'Insee et les données de Eurostat, l'emploi a reculé. "
        "La Bourse de Paris a fini en baisse et Corvello, cotée sur Euronext Paris, a perdu 3 %.",
        ("Corvello",),
        ("Insee", "Eurostat", "Euronext Paris", "Bourse de Paris"),
    ),
]

ENGLISH = [
    Case(
        "Brightline Robotics Inc. said on Tuesday it had raised $40 million in a round led "
        "by Halcyon Ventures.",
        ("Brightline Robotics Inc.", "Halcyon Ventures"),
    ),
    Case(
        "Shares of Carvex jumped 12% after the company beat earnings estimates, while the "
        "S&P 500 edged lower.",
        ("Carvex",),
        ("S&P 500",),
    ),
    Case(
        "The Federal Trade Commission sued Pallora Inc., alleging the retailer misled "
        "customers about delivery times.",
        ("Pallora Inc.",),
        ("Federal Trade Commission",),
    ),
    Case(
        "Ardent Health Partners agreed to buy Meridia Labs for $1.2 billion, the companies "
        "said in a statement.",
        ("Ardent Health Partners", "Meridia Labs"),
    ),
    Case(
        "Quorvia's chief executive, Dana Whitfield, told Reuters the firm would cut 200 jobs.",
        ("Quorvia", "Reuters"),
        ("Dana Whitfield",),
    ),
    Case(
        "The merger must still be approved by the European Commission and the Department "
        "of Justice, Vantage Foods said.",
        ("Vantage Foods",),
        ("European Commission", "Department of Justice"),
    ),
    Case(
        "Zentora Therapeutics (NASDAQ: ZNTR) said its lead drug met the main goal of a "
        "late-stage trial.",
        ("Zentora Therapeutics",),
    ),
    Case(
        "Harvard University will run the trial with Genvia Corp., a Boston-based "
        "diagnostics company.",
        ("Genvia Corp.",),
        ("Harvard University", "Boston"),
    ),
    Case(
        "Rival Lumenstack cut prices last month, according to analysts at Berenson & Co.",
        ("Lumenstack", "Berenson & Co."),
    ),
    Case(
        "The Velano-owned newspaper said advertising revenue fell 8% in the quarter.",
        ("Velano",),
    ),
    Case(
        "Nortek Holdings, which makes air filters, said quarterly sales rose 4%.",
        ("Nortek Holdings",),
    ),
    Case(
        "Oakridge Bank and Pinecrest Capital led the financing, with participation from "
        "Y Combinator.",
        ("Oakridge Bank", "Pinecrest Capital", "Y Combinator"),
    ),
    Case(
        "Mayor Karen Bass said the City of Los Angeles would sue Veltrix Corp. over the contract.",
        ("Veltrix Corp.",),
        ("City of Los Angeles", "Karen Bass", "Los Angeles"),
    ),
    Case(
        "The Senate Banking Committee questioned executives from Harlow Financial about "
        "the loans, and the Federal Reserve declined to comment.",
        ("Harlow Financial",),
        ("Senate Banking Committee", "Federal Reserve"),
    ),
    Case(
        "Apple unveiled the iPhone 17 and a new Apple Watch on Tuesday in Cupertino.",
        ("Apple",),
        ("iPhone 17", "Cupertino"),
    ),
    Case(
        "Kestrel Airlines ordered 20 jets from Boeing, the carrier said on Monday.",
        ("Kestrel Airlines", "Boeing"),
    ),
    Case(
        "Greenpeace and the World Wildlife Fund criticised Exxon Mobil over its drilling "
        "plans in the Arctic.",
        ("Exxon Mobil",),
        ("Greenpeace", "World Wildlife Fund", "Arctic"),
    ),
    Case(
        "BlueHarbor acquired Syncwise, a San Francisco-based data startup, for an undisclosed sum.",
        ("BlueHarbor", "Syncwise"),
        ("San Francisco",),
    ),
    Case(
        "Analysts at Morgan Stanley expect Tavira Motors to report a loss; the Dow Jones "
        "Industrial Average fell 1%.",
        ("Morgan Stanley", "Tavira Motors"),
        ("Dow Jones Industrial Average",),
    ),
    Case(
        "The Labour Party and the Trades Union Congress called for Northwind Energy to be "
        "taken into public ownership.",
        ("Northwind Energy",),
        ("Labour Party", "Trades Union Congress"),
    ),
    Case(
        "Stanford University spinout Aurelic raised $12 million from Sequoia Capital, the "
        "startup said.",
        ("Aurelic", "Sequoia Capital"),
        ("Stanford University",),
    ),
    Case(
        "Apple's iPhone sales rose, while the PlayStation maker Sony cut its forecast.",
        ("Apple", "Sony"),
        ("iPhone", "PlayStation"),
    ),
    Case(
        "Washington said in a statement that it would review the deal between Orvane and "
        "Kestrel Foods.",
        ("Kestrel Foods",),
        ("Washington",),
    ),
    Case(
        "Pfizer and BioNTech shares rose after the Food and Drug Administration approved "
        "the updated vaccine.",
        ("Pfizer", "BioNTech"),
        ("Food and Drug Administration",),
    ),
    Case(
        "Ortiva Chief Executive Dan Ross said the charity Open Hands would receive the "
        "donation, and Vice President Kamala Harris welcomed it.",
        ("Ortiva",),
        ("Dan Ross", "Open Hands", "Kamala Harris", "Vice"),
    ),
    Case(
        "Shares of Halvorsen Group fell 8% after the Norwegian shipping company cut its "
        "outlook, while Corvane Inc. was sued by the Justice Department.",
        ("Halvorsen Group", "Corvane Inc."),
        ("Justice Department",),
    ),
    Case(
        "Marlowe Appliances via Rakuten is offering the Corvane 55-inch 4.5-star TV for "
        "$399. Prices are down, according to data from Tallyfin.",
        ("Marlowe Appliances", "Tallyfin"),
        ("Rakuten TV",),
    ),
    Case(
        "Orvella, a maker of infusion pumps, said sales rose. Orvella registered shares "
        "are listed on the SIX Swiss Exchange in Zurich.",
        ("Orvella",),
        ("SIX Swiss Exchange",),
    ),
    Case(
        "Kestrel Analytics ranked it in the top 10 Health Technology Hazard list for 2024.",
        ("Kestrel Analytics",),
        ("Health Technology",),
    ),
]


def _keys(text: str, lang: str) -> tuple[set[str], set[str]]:
    """compact() keys of the companies' forms and of the organisations' forms."""
    companies, organisations = find_companies(text, lang, nlp.entity_spans(text, lang))
    company_keys = {gazetteer.compact(f) for c in companies for f in (c.name, *c.forms)}
    org_keys = {gazetteer.compact(m.text) for o in organisations for m in o.mentions}
    return company_keys, org_keys


def _tally(cases: list[Case], lang: str) -> tuple[float, list[str], list[str]]:
    """Share of the cases' companies found, the ones missed, and the non-companies listed."""
    missed: list[str] = []
    wrong: list[str] = []
    total = 0
    for case in cases:
        found, _orgs = _keys(case.text, lang)
        total += len(case.companies)
        missed += [n for n in case.companies if gazetteer.compact(n) not in found]
        wrong += [n for n in case.not_companies if gazetteer.compact(n) in found]
    return 1 - len(missed) / total, missed, wrong


FLOORS = {"fr": 0.86, "en": 0.70}
"""Recall the fitted scorer reaches on these paragraphs, which it was never fitted on
(measured 0.89 in French, 0.74 in English since the scorer reads French context words and
abbreviations of public bodies; 0.88 and 0.67 with the fit before, 0.84 and 0.77 with the
one before that). The thresholds are chosen for precision first on the annotated pages,
and English names with only 'ORG' and a company word ('Tavira Motors') score just under
the English one."""
MAX_WRONG = {"fr": 2, "en": 1}
"""Non-companies it may list on them at most (measured: 2 and 0)."""


@pytest.mark.parametrize(("cases", "lang"), [(FRENCH, "fr"), (ENGLISH, "en")], ids=["fr", "en"])
def test_written_paragraphs(cases: list[Case], lang: str) -> None:
    recall, missed, wrong = _tally(cases, lang)
    assert recall >= FLOORS[lang], f"recall {recall:.2f}, missed {missed}"
    assert len(wrong) <= MAX_WRONG[lang], f"listed as companies: {wrong}"


def test_every_named_company_is_in_one_row_per_paragraph() -> None:
    """No company is split across rows: each expected name matches exactly one row."""
    for case, lang in [*((c, "fr") for c in FRENCH), *((c, "en") for c in ENGLISH)]:
        companies, _ = find_companies(case.text, lang, nlp.entity_spans(case.text, lang))
        for name in case.companies:
            key = gazetteer.compact(name)
            rows = [c for c in companies if key in {gazetteer.compact(f) for f in c.forms}]
            assert len(rows) <= 1, (name, rows)


def test_a_market_named_after_listed_on_is_an_organisation() -> None:
    text = "Orvella shares are listed on the Oslo Stock Exchange since 2015."
    _companies, organisations = find_companies(text, "en", nlp.entity_spans(text, "en"))
    kinds = {o.name: o.kind for o in organisations}
    assert kinds.get("Oslo Stock Exchange") == "market"


def test_a_person_tagged_misc_lends_no_company_by_their_surname() -> None:
    text = (
        "The singer has a legal dispute with Jolene Marsh (who owns the label Tallow Records). "
        "She criticised Tallow Records, Marsh and The Carlyle Group on Twitter."
    )
    companies, _ = find_companies(text, "en", nlp.entity_spans(text, "en"))
    keys = {gazetteer.compact(f) for c in companies for f in (c.name, *c.forms)}
    assert gazetteer.compact("Marsh") not in keys
    assert gazetteer.compact("Tallow Records") in keys
