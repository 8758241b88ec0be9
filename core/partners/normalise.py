"""Normalised keys for matching end customers: the same firm typed two ways is one key.

"PT. Maju Bersama Tbk", "maju bersama" and "MAJU-BERSAMA, PT" are all "maju bersama";
"https://www.Harbour-Freight.example/contact" and "ops@harbour-freight.example" are both
"harbour-freight.example".
"""

import re
import unicodedata

# Legal forms that say nothing about which firm it is (Indonesian, English, Asian, European).
LEGAL_FORMS = frozenset(
    "pt cv ud tbk persero ltd limited pty pte inc incorporated llc llp co company corp "
    "corporation plc gmbh ag bv sa sdn bhd kk group".split()
)


def company_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"&", " and ", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    kept = [w for w in words if w not in LEGAL_FORMS]
    return " ".join(kept or words)[:200]


def domain_key(value: str) -> str:
    text = (value or "").strip().casefold()
    if "@" in text:
        text = text.rsplit("@", 1)[1]
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.split("/", 1)[0].split(":", 1)[0].strip(".")
    if text.startswith("www."):
        text = text[4:]
    return text[:253]
