"""Small helpers shared by the unit and integration tests."""

from __future__ import annotations

from pathlib import Path


def sarif_schema_path() -> Path:
    """The official SARIF 2.1.0 schema, kept in `shared/data/` beside the repository (not in it)."""
    beside_repo = Path(__file__).resolve().parents[1].parent
    return beside_repo / "shared" / "data" / "sarif-schema-2.1.0.json"
