"""Realistic organisations at workshop size, for tests of pictures and decks.

Unlike ``benchmarks/generate_org.py`` (uniform synthetic load), these look like the orgs a
facilitator meets: Polish department names with real functions, tasks spread over the eleven
activities with believable names, and the usual mistakes (marketing answering complaints, no
recovery owner, per-post ROI, a task without effort, a silo, an idle department). The same
arguments always give the same text.
"""

from __future__ import annotations

import random
from pathlib import Path

#: (id, name, function, capacity in hours a week); the first ``n`` are used.
DEPARTMENTS = (
    ("marketing", "Marketing", "marketing", 80),
    ("obsluga", "Obsługa Klienta", "customer_service", 120),
    ("pr", "Komunikacja i PR", "public_relations", 40),
    ("sprzedaz", "Sprzedaż", "sales", 60),
    ("prawny", "Dział Prawny", "legal", 20),
    ("hr", "Kadry i Płace", "hr", 30),
    ("produkt", "Rozwój Produktu", "product", 50),
    ("zarzad", "Zarząd", "executive", 10),
    ("ecommerce", "Sklep Internetowy", "sales", 40),
    ("brand", "Marka i Kreacja", "marketing", 60),
    ("serwis", "Serwis Posprzedażowy", "customer_service", 60),
    ("analityka", "Analityka", "other", 30),
    ("it", "Dział IT", "other", 40),
    ("logistyka", "Logistyka", "other", 40),
    ("finanse", "Finanse", "other", 20),
)

#: Task names per activity; a task takes the next unused name of its activity.
TASK_NAMES = {
    "monitor": ("Śledzenie wzmianek o marce", "Nasłuch opinii o produktach", "Monitoring konkurencji"),
    "discover": ("Wyszukiwanie tematów", "Zbieranie historii klientów", "Szukanie twórców"),
    "select": ("Wybór treści do udostępnienia", "Kuracja materiałów partnerów", "Kalendarz tematów"),
    "create": ("Pisanie postów", "Grafiki i wideo", "Kampanie sezonowe", "Newsletter"),
    "publish": ("Publikacja na Facebooku", "Publikacja na Instagramie", "Publikacja na LinkedIn"),
    "respond": ("Odpowiedzi na skargi", "Odpowiedzi na pytania", "Wiadomości prywatne", "Opinie w sklepie"),
    "sell": ("Zapytania ofertowe", "Obsługa leadów", "Zastrzeżenia klientów"),
    "media_relations": ("Kontakty z dziennikarzami", "Komunikaty prasowe", "Wywiady"),
    "promote": ("Reklama płatna", "Promocja postów", "Współpraca z influencerami"),
    "recover": ("Reakcja na kryzys", "Przeprosiny i korekty", "Wpadki w postach"),
    "measure": ("Raport kwartalny", "Analiza zaangażowania", "Badanie marki"),
}
ACTIVITIES = tuple(TASK_NAMES)


def generate(departments: int, tasks: int, seed: int = 11, mistakes: bool = True) -> str:
    """YAML text of an org with ``departments`` (<= 15) and ``tasks`` tasks."""
    if not 4 <= departments <= len(DEPARTMENTS):
        raise ValueError(f"departments must be 4 to {len(DEPARTMENTS)}")
    rng = random.Random(seed)
    depts = DEPARTMENTS[:departments]
    by_function: dict[str, list[str]] = {}
    for dept_id, _, function, _ in depts:
        by_function.setdefault(function, []).append(dept_id)
    lines = ["organization: Zielony Las sp. z o.o.", "departments:"]
    for dept_id, name, function, capacity in depts:
        lines.append(f"  {dept_id}: {{name: {name}, function: {function}, capacity_hours: {capacity}}}")
    lines.append("tasks:")
    used: dict[str, int] = {}
    dept_ids = [d[0] for d in depts]
    idle = dept_ids[-1] if mistakes and departments >= 8 else None
    others = [d for d in dept_ids if d != idle]
    for index in range(tasks):
        activity = ACTIVITIES[index % len(ACTIVITIES)]
        names = TASK_NAMES[activity]
        count = used.get(activity, 0)
        used[activity] = count + 1
        name = names[count % len(names)] + (f" {count // len(names) + 1}" if count >= len(names) else "")
        owner = _owner(activity, by_function, rng)
        raci = {owner: "RA"}
        if mistakes and activity in ("respond", "sell") and count == 0:
            raci = {"marketing": "RA"}  # marketing answers complaints and leads itself
        if mistakes and activity == "recover":
            raci = {owner: "R"}  # nobody is accountable for recovering from a mistake
        helpers = rng.sample([d for d in others if d not in raci], k=min(len(others) - 1, rng.randint(1, 3)))
        for k, dept_id in enumerate(helpers):
            raci[dept_id] = ("C", "I", "R")[k % 3] if not (mistakes and index % 9 == 4) else "R"
        if mistakes and index % 13 == 6:
            raci = {owner: "RA"}  # a silo: nobody consulted or informed
        lines.append(f"  t{index:02d}:")
        lines.append(f"    name: {name}")
        lines.append(f"    activity: {activity}")
        if not (mistakes and index % 10 == 7):
            lines.append(f"    effort_hours: {rng.randint(1, 12)}")
        if activity == "measure":
            lines.append(f"    review_horizon_days: {7 if mistakes and count == 0 else 90}")
        raci_text = ", ".join(f"{d}: {letters}" for d, letters in raci.items())
        lines.append(f"    raci: {{{raci_text}}}")
    return "\n".join(lines) + "\n"


def _owner(activity: str, by_function: dict[str, list[str]], rng: random.Random) -> str:
    natural = {
        "respond": "customer_service",
        "sell": "sales",
        "media_relations": "public_relations",
        "recover": "public_relations",
    }.get(activity, "marketing")
    return rng.choice(by_function.get(natural) or by_function["marketing"])


def write(directory: Path, departments: int, tasks: int, seed: int = 11, mistakes: bool = True) -> Path:
    path = directory / f"org-{departments}x{tasks}.yaml"
    path.write_text(generate(departments, tasks, seed, mistakes), encoding="utf-8")
    return path
