"""From ads to networks and people: template clusters, networks, the register, statistics.

Public functions (the CLI, the window and the report call these; each change is audited):

* :func:`template_clusters` — near-duplicate ad text with common phrases and slots.
* :func:`networks` — items linked by selectors, photo clusters and templates, with evidence;
  :func:`split_network`, :func:`join_networks`, :func:`revoke_decision`, :func:`decisions`.
* register: :func:`add_person`, :func:`update_person`, :func:`persons`, :func:`link_person`,
  :func:`set_platform`, :func:`platforms`, :func:`add_account`, :func:`accounts`.
* :func:`action_day_stats` — what the action-day reports publish.
* :func:`timeline` — first/last seen and ads over time of a network or selector.
"""

from __future__ import annotations

from workstation.networks.linking import (
    NetworkParams,
    collect_links,
    decisions,
    find_network,
    join_networks,
    load_ads,
    networks,
    revoke_decision,
    split_network,
    template_clusters,
)
from workstation.networks.records import Decision, ItemRef, Link, Network, Template
from workstation.networks.register import (
    Account,
    Person,
    Platform,
    accounts,
    add_account,
    add_person,
    link,
    link_person,
    person,
    persons,
    platforms,
    set_platform,
    unlink,
    update_person,
)
from workstation.networks.stats import Stats, Timeline, action_day_stats, network_timeline, selector_timeline
from workstation.networks.templates import AdText, TemplateParams, describe, find_templates

__all__ = [
    "Account",
    "Person",
    "Platform",
    "Stats",
    "Timeline",
    "accounts",
    "action_day_stats",
    "add_account",
    "add_person",
    "find_network",
    "link",
    "link_person",
    "network_timeline",
    "person",
    "persons",
    "platforms",
    "selector_timeline",
    "set_platform",
    "unlink",
    "update_person",
    "AdText",
    "Decision",
    "ItemRef",
    "Link",
    "Network",
    "NetworkParams",
    "Template",
    "TemplateParams",
    "collect_links",
    "decisions",
    "describe",
    "find_templates",
    "join_networks",
    "load_ads",
    "networks",
    "revoke_decision",
    "split_network",
    "template_clusters",
]
