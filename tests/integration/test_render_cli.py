"""CLI end to end: `workstation import --render after` and `workstation render --item --json`."""

from __future__ import annotations

import json

from tests.integration.test_import_cli import cli


def test_import_render_after_and_render_again(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ad.html").write_text("<html><head><title>Hostess</title></head><body>Bel ons</body></html>")
    case = tmp_path / "c.case"
    cli("new", case, "--title", "render")
    out = json.loads(cli("import", case, tmp_path / "in", "--render", "after", "--json").stdout)
    render = out["render"]
    assert render["status"] == "done" and render["rendered"] == 1 and render["javascript"] is False
    page = render["screenshots"][0]["page"]
    again = cli("render", case, "--item", str(page), "--json")
    assert again.returncode == 0, again.stderr
    data = json.loads(again.stdout)
    assert data["pages"] == 1 and [s["rendering"] for s in data["screenshots"]] == ["viewport"]
    assert data["screenshots"][0]["sha256"] == render["screenshots"][0]["sha256"]  # deterministic
    items = json.loads(cli("items", case, "--json").stdout)
    shots = [i for i in (items["items"] if isinstance(items, dict) else items) if i.get("parent_id") == page]
    assert len(shots) == 1 and shots[0]["kind"] == "image"
