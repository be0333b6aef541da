"""The Networks tab: graph of a network (click opens the item), timeline, persons/platforms register."""

from __future__ import annotations

from tests.unit.workstation.networks.test_case_networks import ads_case  # noqa: F401 - fixture
from ui.views.networks_view import NetworksPage
from workstation import networks as nw


def test_networks_page_graph_timeline_and_register(qtbot, ads_case) -> None:  # noqa: F811
    case, truth = ads_case
    page = NetworksPage(case)
    qtbot.addWidget(page)
    view = page.networks
    assert view.list.count() == 2 and "N" in view.list.item(0).text()
    nodes = view.graph.nodes
    items = [k for k in nodes if k.startswith("item:")]
    assert len(items) == 4 and any(k.startswith("platform:") for k in nodes)
    assert any(k.startswith("selector:phone:") for k in nodes)
    assert view.timeline.scene().items(), "the timeline draws bars"
    with qtbot.waitSignal(page.open_requested, timeout=2000) as opened:
        view.graph.item_clicked.emit(int(items[0].split(":")[1]))
    assert opened.args == [int(items[0].split(":")[1])]
    reg = page.register
    reg.add_person("Victim A", "possible_victim", "UA", "18-24", "Katya, Kate")
    assert reg.persons.rowCount() == 1 and reg.persons.item(0, 2).text() == "possible_victim"
    reg.set_platform("redlights.example", "escort_site", "involved")
    rows = {reg.platforms.item(r, 0).text(): reg.platforms.item(r, 2).text() for r in range(reg.platforms.rowCount())}
    assert rows["redlights.example"] == "involved"
    assert nw.persons(case)[0].aliases == ("Katya", "Kate")
    b_net = next(n for n in nw.networks(case) if truth[n.item_ids[0]] == "B")
    nw.link_person(case, 1, "network", b_net.id)
    page.refresh()
    view.list.setCurrentRow(1)
    assert "person:1" in view.graph.nodes
