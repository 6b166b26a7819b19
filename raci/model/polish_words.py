"""Polish words for functions, activities, audiences and review horizons in an org file.

Values are the canonical names of the vocabulary ("customer_service", "recover"), so this
table stays plain data that the vocabulary merges into its own.

Workshops in Poland write their org files in Polish ("obsługa klienta", "kryzys",
"kwartalnie"). Each word is listed once, with its diacritics; the same word typed without them
("obsluga klienta") is added automatically, because people type both on keyboards without
Polish layout. The vocabulary merges these tables into its English ones; an English alias wins
where the two spell a word the same way ("marketing", "pr").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

_T = TypeVar("_T")

#: Polish letters and their plain forms, for the spellings typed without diacritics.
_PLAIN = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def without_diacritics(word: str) -> str:
    return word.translate(_PLAIN)


def _with_plain_spellings(words: Mapping[str, _T]) -> dict[str, _T]:
    table: dict[str, _T] = {}
    for word, value in words.items():
        table[word] = value
        table.setdefault(without_diacritics(word), value)
    return table


POLISH_FUNCTIONS: dict[str, str] = _with_plain_spellings(
    {
        "dział marketingu": "marketing",
        "marketing i media społecznościowe": "marketing",
        "media społecznościowe": "marketing",
        "marka": "marketing",
        "reklama": "marketing",
        "obsługa klienta": "customer_service",
        "obsługa klientów": "customer_service",
        "dział obsługi klienta": "customer_service",
        "biuro obsługi klienta": "customer_service",
        "bok": "customer_service",
        "wsparcie": "customer_service",
        "wsparcie klienta": "customer_service",
        "infolinia": "customer_service",
        "dział reklamacji": "customer_service",
        "komunikacja": "public_relations",
        "dział komunikacji": "public_relations",
        "komunikacja korporacyjna": "public_relations",
        "public relations": "public_relations",
        "rzecznik": "public_relations",
        "rzecznik prasowy": "public_relations",
        "biuro prasowe": "public_relations",
        "relacje z mediami": "public_relations",
        "sprzedaż": "sales",
        "dział sprzedaży": "sales",
        "handlowcy": "sales",
        "handel": "sales",
        "rozwój biznesu": "sales",
        "dział prawny": "legal",
        "prawny": "legal",
        "prawnicy": "legal",
        "radca prawny": "legal",
        "zgodność": "legal",
        "kadry": "hr",
        "dział kadr": "hr",
        "dział hr": "hr",
        "zasoby ludzkie": "hr",
        "dział personalny": "hr",
        "rekrutacja": "hr",
        "produkt": "product",
        "dział produktu": "product",
        "rozwój produktu": "product",
        "badania i rozwój": "product",
        "zarząd": "executive",
        "prezes": "executive",
        "prezes zarządu": "executive",
        "kierownictwo": "executive",
        "dyrekcja": "executive",
        "inne": "other",
        "inny": "other",
        "finanse": "other",
        "księgowość": "other",
        "administracja": "other",
        "logistyka": "other",
    }
)

POLISH_ACTIVITIES: dict[str, str] = _with_plain_spellings(
    {
        "monitorowanie": "monitor",
        "monitoring": "monitor",
        "nasłuch": "monitor",
        "nasłuchiwanie": "monitor",
        "słuchanie": "monitor",
        "odkrywanie": "discover",
        "wyszukiwanie": "discover",
        "wyszukiwanie treści": "discover",
        "selekcja": "select",
        "selekcja treści": "select",
        "wybór": "select",
        "dobór treści": "select",
        "kuracja": "select",
        "wybieranie": "select",
        "wybieranie treści": "select",
        "tworzenie": "create",
        "tworzenie treści": "create",
        "tworzenie komunikatów": "create",
        "komunikaty": "create",
        "publikacja": "publish",
        "publikacje": "publish",
        "publikowanie": "publish",
        "odpowiedzi": "respond",
        "odpowiadanie": "respond",
        "reklamacje": "respond",
        "skargi": "respond",
        "pytania": "respond",
        "obsługa zapytań": "respond",
        "sprzedaż": "sell",
        "obiekcje": "sell",
        "obsługa obiekcji": "sell",
        "leady": "sell",
        "relacje z mediami": "media_relations",
        "kontakty z mediami": "media_relations",
        "media": "media_relations",
        "promocja": "promote",
        "promowanie": "promote",
        "reklama płatna": "promote",
        "płatna promocja": "promote",
        "reklamy": "promote",
        "kryzys": "recover",
        "zarządzanie kryzysowe": "recover",
        "sytuacje kryzysowe": "recover",
        "błędy": "recover",
        "naprawa błędów": "recover",
        "incydenty": "recover",
        "naprawa": "recover",
        "naprawa wpadek": "recover",
        "wpadki": "recover",
        "pomiar": "measure",
        "mierzenie": "measure",
        "analityka": "measure",
        "analiza wyników": "measure",
        "inne": "other",
        "ogólne": "other",
        "projekt": "other",
        "administracja": "other",
        "planowanie": "other",
        "finanse": "other",
        "audyt": "other",
    }
)

POLISH_AUDIENCES: dict[str, str] = _with_plain_spellings(
    {
        "klienci": "customers",
        "klient": "customers",
        "konsumenci": "customers",
        "użytkownicy": "customers",
        "kandydaci": "candidates",
        "kandydat": "candidates",
        "rekrutacja": "candidates",
        "pracownicy": "employees",
        "pracownik": "employees",
        "zespół": "employees",
        "media": "media",
        "dziennikarze": "media",
        "prasa": "media",
        "inwestorzy": "investors",
        "akcjonariusze": "investors",
        "partnerzy": "partners",
        "dostawcy": "partners",
    }
)

#: Review horizons in days, as the English words in the model ("quarterly" is 90).
POLISH_HORIZONS: dict[str, int] = _with_plain_spellings(
    {
        "po każdym poście": 0,
        "na post": 0,
        "codziennie": 1,
        "dziennie": 1,
        "co tydzień": 7,
        "tygodniowo": 7,
        "co miesiąc": 30,
        "miesięcznie": 30,
        "co kwartał": 90,
        "kwartalnie": 90,
        "co pół roku": 182,
        "półrocznie": 182,
        "co rok": 365,
        "rocznie": 365,
        "corocznie": 365,
    }
)
