"""How `raci import` tells a CSV's encoding: right, refused, or wrong (mojibake).

Sample matrices (department and task names a team would write, in six languages) are
saved in the code pages spreadsheet programs use for them, at three sizes (a header only,
three rows, ten rows), and read back with raci's detector and, as the baseline, with
charset-normalizer alone (its best guess). A refusal is a good outcome when the bytes can
be read two ways; a wrong reading is the failure that matters (silent mojibake). Not a
timing benchmark: it prints counts and always exits 0.

    python benchmarks/bench_encoding.py
"""

from __future__ import annotations

import argparse
from collections import Counter

from charset_normalizer import from_bytes

from raci.model.errors import LoadError
from raci.workshop.spreadsheet.encoding import decode_bytes

HEADERS = {
    "pl": "Zadanie;Marketing;Obsługa Klienta;Dział Prawny;Kadry;Zarząd",
    "cs": "Úkol;Marketing;Zákaznická podpora;Právní oddělení;Personální;Vedení",
    "fr": "Tâche;Équipe projet;Direction générale;Sécurité;Service client",
    "de": "Aufgabe;Geschäftsführung;Prüfung;Kundendienst;Rechtsabteilung",
    "es": "Tarea;Dirección;Atención al cliente;Jurídico;Compañía",
    "ru": "Задача;Маркетинг;Служба поддержки;Юристы;Руководство",
}
ROWS = {
    "pl": [
        "Odpowiedź na skargi klientów;C;R/A;C;;I",
        "Publikacja postów na Facebooku;R/A;I;;;",
        "Monitorowanie wzmianek o marce;R;C;;;A",
        "Odpowiedzi kandydatom;I;;;R/A;",
        "Zatwierdzanie treści kampanii;R;;C;;A",
        "Kontakt z dziennikarzami;C;;C;;R/A",
        "Raport miesięczny;R/A;C;;;I",
        "Obsługa kryzysu w sieci;R;C;C;;A",
        "Współpraca z influencerami;R/A;;C;;I",
        "Budżet reklam;R;;;;A",
    ],
    "cs": [
        "Odpovědi na stížnosti;C;R/A;C;;I",
        "Zveřejňování příspěvků;R/A;I;;;",
        "Sledování zmínek o značce;R;C;;;A",
        "Odpovědi uchazečům;I;;;R/A;",
        "Schvalování obsahu;R;;C;;A",
        "Kontakt s novináři;C;;C;;R/A",
        "Měsíční zpráva;R/A;C;;;I",
        "Řešení krize;R;C;C;;A",
        "Spolupráce s influencery;R/A;;C;;I",
        "Rozpočet na reklamu;R;;;;A",
    ],
    "fr": [
        "Répondre aux réclamations;C;R/A;C;I",
        "Publier le calendrier éditorial;R/A;I;;",
        "Veille de la marque;R;C;;A",
        "Réponses aux candidats;I;;R/A;",
        "Validation des communiqués;R;;C;A",
        "Relations presse;C;;C;R/A",
        "Rapport mensuel;R/A;C;;I",
        "Gestion de crise;R;C;C;A",
        "Campagnes publicitaires;R/A;;C;I",
        "Budget médias;R;;;A",
    ],
    "de": [
        "Beschwerden beantworten;C;R/A;C;I",
        "Beiträge veröffentlichen;R/A;I;;",
        "Markenerwähnungen überwachen;R;C;;A",
        "Bewerberfragen beantworten;I;;R/A;",
        "Freigabe der Inhalte;R;;C;A",
        "Presseanfragen;C;;C;R/A",
        "Monatsbericht;R/A;C;;I",
        "Krisenkommunikation;R;C;C;A",
        "Werbekampagnen;R/A;;C;I",
        "Größere Budgets;R;;;A",
    ],
    "es": [
        "Responder quejas;C;R/A;C;I",
        "Publicación de contenidos;R/A;I;;",
        "Seguimiento de menciones;R;C;;A",
        "Respuestas a candidatos;I;;R/A;",
        "Aprobación de campañas;R;;C;A",
        "Relación con periodistas;C;;C;R/A",
        "Informe mensual;R/A;C;;I",
        "Gestión de crisis;R;C;C;A",
        "Campañas pagadas;R/A;;C;I",
        "Presupuesto anual;R;;;A",
    ],
    "ru": [
        "Ответы на жалобы;C;R/A;C;I",
        "Публикация новостей;R/A;I;;",
        "Мониторинг упоминаний;R;C;;A",
        "Ответы кандидатам;I;;R/A;",
        "Согласование контента;R;;C;A",
        "Работа с журналистами;C;;C;R/A",  # noqa: RUF001 (Cyrillic on purpose)
        "Ежемесячный отчёт;R/A;C;;I",
        "Антикризисные действия;R;C;C;A",
        "Рекламные кампании;R/A;;C;I",
        "Бюджет на рекламу;R;;;A",
    ],
}
#: The code pages each language's spreadsheets are saved in.
ENCODINGS = {
    "pl": ("cp1250", "iso8859_2"),
    "cs": ("cp1250", "iso8859_2"),
    "fr": ("cp1252",),
    "de": ("cp1252",),
    "es": ("cp1252",),
    "ru": ("cp1251",),
}
SIZES = (0, 3, 10)


def raci_outcome(data: bytes, text: str) -> str:
    try:
        decoded = decode_bytes(data, "sample.csv")
    except LoadError:
        return "refused"
    return "right" if decoded.text == text else "WRONG"


def baseline_outcome(data: bytes, text: str) -> str:
    best = from_bytes(data).best()
    if best is None:
        return "refused"
    return "right" if str(best) == text else "WRONG"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.parse_args()
    totals: dict[str, Counter[str]] = {"raci": Counter(), "charset-normalizer": Counter()}
    print(f"{'sample':<22} {'raci':<9} {'charset-normalizer':<18}")
    for language, header in HEADERS.items():
        for encoding in ENCODINGS[language]:
            for size in SIZES:
                text = "\r\n".join([header, *ROWS[language][:size]]) + "\r\n"
                data = text.encode(encoding)
                ours, theirs = raci_outcome(data, text), baseline_outcome(data, text)
                totals["raci"][ours] += 1
                totals["charset-normalizer"][theirs] += 1
                print(f"{language} {encoding:<10} {size:>2} rows  {ours:<9} {theirs:<18}")
    print()
    for name, counts in totals.items():
        total = sum(counts.values())
        parts = ", ".join(f"{counts[k]} {k}" for k in ("right", "refused", "WRONG"))
        print(f"{name:<20} {total} samples: {parts}")


if __name__ == "__main__":
    main()
