"""Rebuild the derived CSVs of data/ from the raw reference files.

Usage (needs pandas, pycountry and babel; pycountry is not a course dependency):

    python data/scripts/derive.py [REFERENCE_DIR]

REFERENCE_DIR defaults to ../shared/reference-data. Curated tables (milestones added
by the course, advisers, Japan facts, risk factors, stages, UN bodies) are edited by
hand in data/ and data/sources/; this script only reshapes raw files. It writes into a
staging copy of data/, validates it with exercises.datasets.validate, and replaces
data/ only if validation passes, so a failed run leaves nothing half-written.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parents[1]
ROOT = DATA.parent
sys.path.insert(0, str(ROOT))
from exercises.datasets import publish  # noqa: E402 (the course's package, from this checkout)

REF = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference-data"
ALIASES = pd.read_csv(DATA / "sources" / "country_aliases.csv", keep_default_na=False)
ALIAS = dict(zip(ALIASES.name, ALIASES.iso3, strict=False))
JA = Locale("ja").territories


def iso3(name: str) -> str:
    name = name.strip()
    if name in ALIAS:
        return ALIAS[name]
    return pycountry.countries.lookup(name).alpha_3


def clean(text):
    return " ".join(str(text).split()) if isinstance(text, str) else text


def cow_region(code) -> str:
    """Region by Correlates of War code block (a numbering convention, not a UN region)."""
    if pd.isna(code):
        return ""
    c = int(code)
    for upper, region in [(199, "Americas"), (399, "Europe"), (599, "Africa"),
                          (699, "Middle East and North Africa"), (899, "Asia"), (999, "Oceania")]:
        if c <= upper:
            return region
    return ""


def episodes_ewp() -> pd.DataFrame:
    e = pd.read_csv(REF / "ewp-mass-killing-episodes" / "ewp_mass_killing_events_1945_2024.csv")
    out = pd.DataFrame({
        "episode_code": e.mk_event_code,
        "country_name": e.country.map(clean),
        "iso3": e.country.map(iso3),
        "location_cow": e.mk_location_cow.astype("Int64"),
        "episode_name": e.mk_event_name.map(clean),
        "start_year": e.startyear.astype("Int64"),
        "end_year": e.endyear.astype("Int64"),
        "ongoing": e.endyear.isna(),
        "perpetrator_type": e.state_or_nonstate_led.map({"State-Led": "state", "Non-State-Led": "non-state"}),
        "ethnic_groups_targeted": e.mk_number_eth_groups.astype("Int64"),
        "summary": e.mk_event_summary.map(clean),
    })
    return out.sort_values(["start_year", "episode_code"])


def episodes_pitf() -> pd.DataFrame:
    p = pd.read_csv(REF / "pitf-genocide-politicide" / "pitf_genopoliticide_episodes_derived.csv")
    ongoing = p.YREND >= 9999
    return pd.DataFrame({
        "episode_id": p.SCODE + "-" + p.YRBEGIN.astype(str) + "-" + p.MOBEGIN.astype(str).str.zfill(2),
        "country_name": p.COUNTRY,
        "iso3": p.COUNTRY.map(iso3),
        "pitf_code": p.SCODE,
        "cow_code": p.CCODE.astype("Int64"),
        "start_year": p.YRBEGIN.astype("Int64"),
        "start_month": p.MOBEGIN.astype("Int64"),
        "end_year": p.YREND.where(~ongoing).astype("Int64"),
        "end_month": p.MOEND.where(~ongoing).astype("Int64"),
        "ongoing_at_end_2014": ongoing,
        "country_years": p.n_country_years.astype("Int64"),
        "max_deathmag": p.max_deathmag,
        "sum_deathmag": p.sum_deathmag,
        "description": p.DESC.map(clean),
    })


def risk() -> pd.DataFrame:
    s = pd.read_csv(REF / "ewp-risk-assessment" / "ewp_sra_rankings_2018_2025.csv")
    return pd.DataFrame({
        "edition": s.edition, "iso3": s.country.map(iso3), "country_name": s.country,
        "cow_or_gw_code": s.cow_or_gw_code.astype("Int64"),
        "risk_1yr": s.risk_1yr, "risk_2yr": s.risk_2yr, "rank_2yr": s.rank_2yr,
        "source_repo": s.source_repo, "source_commit": s.source_commit,
    }).sort_values(["edition", "rank_2yr"])


def resolutions() -> pd.DataFrame:
    r = pd.read_csv(REF / "r2p-un-resolutions" / "r2p_resolutions_curated.csv", dtype=str, keep_default_na=False)
    symbol = r.symbol.str.replace(r"\s*\(draft .*\)$", "", regex=True)
    status = r.verification_status.replace(
        {"verified_secondary_symbol_of_adopted_text_unverified": "verified_secondary_symbol_unverified"})
    note = r.symbol.str.extract(r"\((draft .*)\)$")[0].fillna("")
    note = note.where(note == "", "Draft symbol " + note.str.replace("draft ", "", regex=False)
                      + "; the symbol of the adopted text was not verified")
    return pd.DataFrame({
        "symbol": symbol, "body": r.body, "number": r.number, "date": r.date,
        "situation_or_theme": r.situation_or_theme, "scope": r.scope,
        "iso3": [ALIAS.get(s, "") if sc == "country" else "" for s, sc in zip(r.situation_or_theme, r.scope, strict=False)],
        "r2p_reference": r.r2p_reference, "source_url": r.evidence_url,
        "evidence_type": r.evidence_type, "verification_status": status,
        "date_verified": r.date_verified.map({"yes": "true", "no": "false"}), "note": note,
    }).sort_values("date")


def counts() -> pd.DataFrame:
    c = pd.read_csv(REF / "r2p-un-resolutions" / "r2p_reference_counts_over_time.csv", dtype=str)
    c.insert(0, "count_id", [f"{b}-{k}-{a}".lower().replace(" ", "")
                             for b, k, a in zip(c.body, c.count_of, c.as_of, strict=True)])
    return c


def milestones() -> pd.DataFrame:
    t = pd.read_csv(REF / "unsc-atrocity-timeline" / "genocide_security_council_events.csv", keep_default_na=False)
    kinds = {"council": "council", "legal": "legal", "atrocity": "atrocity", "institutional": "institution",
             "conflict": "conflict", "contested": "contested"}
    slug = t.label.str.lower().str.replace(r"[^a-z0-9]+", "-", regex=True).str.strip("-").str.slice(0, 50)
    base = pd.DataFrame({
        "milestone_id": t.date.str.slice(0, 4) + "-" + slug, "date": t.date, "date_precision": "day",
        "title": t.label, "category": t.kind.map(kinds), "japan": "false", "source": t.source,
        "source_url": t.source_url, "note": t.note, "origin": "fmadore/genocide-at-the-security-council",
    })
    added = pd.read_csv(DATA / "sources" / "milestones_added.csv", dtype=str, keep_default_na=False)
    added["origin"] = "course"
    return pd.concat([added, base]).sort_values(["date", "milestone_id"])


def oda() -> pd.DataFrame:
    o = pd.read_csv(REF / "oda-dac-donors" / "oda_gni_ts_dac_members_2000_2025.csv")
    return pd.DataFrame({
        "donor": o.name, "iso3": o.name.map(lambda n: ALIAS[n] if n in ALIAS else iso3(n)),
        "year": o.year, "oda_usd_million_2025": o["ODA (left-axis)"].round(3),
        "oda_gni_percent": o["ODA/GNI (right-axis)"],
    })


def ucdp() -> pd.DataFrame:
    u = pd.read_csv(REF / "owid-conflict-peacekeeping" / "ucdp_violent_deaths_by_region_type_1989_2020.csv")
    parts = []
    for kind, col in [("state-based", "state-based conflict"), ("non-state", "non-state conflict"),
                      ("one-sided", "one-sided violence")]:
        parts.append(pd.DataFrame({"region": u.Entity, "year": u.Year, "violence_type": kind,
                                   "deaths": u[f"Deaths in {col}"].astype("Int64"),
                                   "deaths_per_100k": u[f"Deaths in {col} per 100,000"]}))
    return pd.concat(parts).sort_values(["region", "year", "violence_type"])


def peacekeeping() -> pd.DataFrame:
    p = pd.read_csv(REF / "owid-conflict-peacekeeping" / "un_peacekeeping_force_size_1947_2021.csv")
    p.columns = ["entity", "year", "missions", "total_force", "civilian_police", "military_observers", "troops"]
    p = p.dropna(subset=["missions", "total_force"], how="all")
    return p.drop(columns="entity").astype("Int64")


def countries(tables: list[pd.DataFrame], cow: dict[str, int]) -> pd.DataFrame:
    codes = sorted({c for t in tables for c in t["iso3"].dropna() if c})
    rows = []
    for code in codes:
        c = pycountry.countries.get(alpha_3=code)
        status = "iso3166-1"
        if c is None:
            c = pycountry.historic_countries.get(alpha_3=code)
            status = "iso3166-3" if c is not None else "user-assigned"
        name = {"XKX": "Kosovo"}.get(code) or getattr(c, "common_name", None) or c.name
        alpha2 = {"XKX": "XK"}.get(code) or (c.alpha_2 if status == "iso3166-1" else "")
        rows.append({"iso3": code, "name_en": name, "name_ja": JA.get(alpha2, "") if alpha2 else "",
                     "code_status": status, "cow_code": cow.get(code), "region": cow_region(cow.get(code))})
    out = pd.DataFrame(rows)
    out["cow_code"] = out.cow_code.astype("Int64")
    return out


def main() -> None:
    ep, pitf, sra = episodes_ewp(), episodes_pitf(), risk()
    res, oda_t = resolutions(), oda()
    advisers = pd.read_csv(DATA / "un_special_advisers.csv", dtype=str).rename(columns={"country_iso3": "iso3"})
    cow: dict[str, int] = {}
    for frame, col in [(sra, "cow_or_gw_code"), (pitf, "cow_code"), (ep, "location_cow")]:
        for code, value in zip(frame.iso3, frame[col], strict=False):
            if pd.notna(value) and code not in cow and code not in ("CSK", "YUG"):
                cow[code] = int(value)
    cow.update({"CSK": 315, "YUG": 345})  # as coded in the EWP episode list
    country_table = countries([ep, pitf, sra, res, oda_t, advisers], cow)
    # one name per country across editions (the editions spell some differently)
    sra.insert(2, "country", sra.iso3.map(dict(zip(country_table.iso3, country_table.name_en, strict=True))))
    tables = {
        "countries.csv": country_table,
        "ewp_mass_killing_episodes.csv": ep, "pitf_genocide_politicide_episodes.csv": pitf,
        "ewp_risk_assessments.csv": sra, "r2p_resolutions.csv": res, "r2p_reference_counts.csv": counts(),
        "milestones.csv": milestones(), "oda_dac_donors.csv": oda_t, "ucdp_deaths_by_type.csv": ucdp(),
        "un_peacekeeping_force.csv": peacekeeping(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp) / "data"
        shutil.copytree(DATA, staging, ignore=shutil.ignore_patterns("__pycache__"))
        for name, frame in tables.items():
            for col in frame.columns:
                if frame[col].dtype == bool:
                    frame[col] = frame[col].map({True: "true", False: "false"})
            frame.to_csv(staging / name, index=False, lineterminator="\n")
        publish(staging, DATA)
    print(f"wrote {len(tables)} derived tables into {DATA}")


if __name__ == "__main__":
    main()
