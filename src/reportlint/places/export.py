"""The place analysis as plain data: what ``reportlint parse --json`` shows of the subject's place and every place mention."""

from __future__ import annotations

from typing import Any

from reportlint.core.model import Document
from reportlint.places.analysis import AMBIGUOUS_SUBJECT_NOTE, PlaceAnalysis
from reportlint.places.divisions import Place


def _place_dict(analysis: PlaceAnalysis, place: Place) -> dict:
    return {"code": place.code, "name": place.name, "level": place.level, "kind": place.kind, "chain": analysis.chain(place)}


def places_dict(document: Document, analysis: PlaceAnalysis) -> dict[str, Any]:
    """The subject on the map and every place mention with the decision taken for it."""
    subject = analysis.subject
    place = None
    if subject is not None:
        place = {
            "name": subject.name,
            "origin": subject.origin,
            "body": subject.resolution.name,
            "place": None if subject.place is None else _place_dict(analysis, subject.place),
            "parents": [_place_dict(analysis, parent) for parent in subject.parents],
            "ambiguous": subject.is_ambiguous,
            "candidates": [_place_dict(analysis, candidate) for candidate in subject.resolution.candidates],
            "evidence": subject.resolution.evidence,
            "note": AMBIGUOUS_SUBJECT_NOTE if subject.is_ambiguous else None,
            "data_as_of": analysis.data_as_of,
        }
    mentions = [
        {
            "name": reference.name,
            "location": document.location_dict(reference.start, reference.end),
            "candidates": len(reference.mention.candidates),
            "relation": reference.relation.value,
            "place": None if reference.place is None else _place_dict(analysis, reference.place),
            "where": reference.where,
            "section": reference.section_id,
            "self_talk": reference.self_talk,
            "named_as_subject": reference.named_as_subject,
            "cooperation": reference.cooperation,
            "in_citation": reference.citation is not None,
            "allowed": reference.allowed,
            "decision": analysis.decision(reference),
        }
        for reference in analysis.references
    ]
    return {"place": place, "place_mentions": mentions}
